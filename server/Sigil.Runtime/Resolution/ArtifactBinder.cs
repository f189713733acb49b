using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Sigil.Runtime.Resolution;

/// <summary>
/// Turns verified artifact bytes into a pin's delegate: loads them into the resolver's load context (the app's own
/// assemblies resolve to the ones already loaded), finds the entry type and the method with the pin's name and exact
/// signature, and compiles it now (a member of the app the candidate needs but the running build lacks fails here,
/// at startup, not in the middle of a request).
/// </summary>
internal static class ArtifactBinder
{
    /// <summary>Loads an artifact's bytes (once per artifact: a load context holds one assembly of a name), or throws <see cref="ResolutionException"/>.</summary>
    public static Assembly Load(AssemblyLoadContext context, byte[] image)
    {
        try
        {
            return context.LoadFromStream(new MemoryStream(image, writable: false));
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new ResolutionException($"its artifact is not a loadable assembly ({e.Message})", e);
        }
    }

    /// <summary>Binds a loaded artifact's method, or throws <see cref="ResolutionException"/> saying why not.</summary>
    public static Delegate Bind(Assembly assembly, string entryType, string methodName, Type delegateType)
    {
        var type = assembly.GetType(entryType, throwOnError: false)
            ?? throw new ResolutionException($"its artifact has no type {entryType}");
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => p.ParameterType).ToArray();
        var method = type.GetMethod(methodName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, binder: null, parameters, modifiers: null);
        if (method is null || method.ReturnType != invoke.ReturnType)
        {
            throw new ResolutionException(
                $"its artifact has no static {methodName}({string.Join(", ", parameters.Select(p => p.Name))}) returning {invoke.ReturnType.Name} in {entryType}");
        }
        try
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
            return method.CreateDelegate(delegateType);
        }
        catch (Exception e) when (e is MissingMemberException or TypeLoadException or FileNotFoundException or FileLoadException
            or MethodAccessException or FieldAccessException or BadImageFormatException or InvalidProgramException or ArgumentException)
        {
            throw new ResolutionException($"its artifact does not bind to the running build ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
