using System.Reflection;

namespace Sigil.Worker.Loading;

/// <summary>Finding the app's types and methods by name, and making instances for instance methods.</summary>
internal static class Members
{
    private const BindingFlags AnyMethod = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>The type named <paramref name="metadataName"/> (<c>Ns.Outer+Inner</c>) in <paramref name="assembly"/>.</summary>
    /// <exception cref="LoadFailedException">There is no such type, or it does not load.</exception>
    public static Type Type(Assembly assembly, string metadataName)
    {
        try
        {
            return assembly.GetType(metadataName, throwOnError: false)
                ?? throw new LoadFailedException($"The type '{metadataName}' is not in {assembly.GetName().Name}.");
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new LoadFailedException($"The type '{metadataName}' does not load: {e.Message}", e);
        }
    }

    /// <summary>The methods of <paramref name="type"/> named <paramref name="name"/> (declared on it, any accessibility).</summary>
    public static MethodInfo[] Named(Type type, string name)
    {
        try
        {
            return [.. type.GetMethods(AnyMethod).Where(method => method.Name == name)];
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new LoadFailedException($"The methods of '{type.FullName}' do not load: {e.Message}", e);
        }
    }

    /// <summary>An instance of <paramref name="type"/> made with its parameterless constructor (public or not).</summary>
    /// <exception cref="LoadFailedException">There is none, or it threw.</exception>
    public static object NewInstance(Type type, string purpose)
    {
        if (type.IsAbstract) throw new LoadFailedException($"'{type.FullName}' is abstract or static: {purpose} needs an instance of it.");
        var constructor = type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, System.Type.EmptyTypes);
        if (constructor is null && !type.IsValueType)
            throw new LoadFailedException($"'{type.FullName}' has no parameterless constructor: {purpose} is an instance method and needs one to make an instance.");
        try
        {
            return constructor?.Invoke(null) ?? Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new LoadFailedException($"The constructor of '{type.FullName}' threw {inner.GetType().FullName}: {inner.Message}", inner);
        }
    }

    /// <summary><c>Type.Method(param types)</c>.</summary>
    public static string Describe(MethodBase method) =>
        $"{method.DeclaringType?.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => TypeDisplay.CSharp(p.ParameterType)))})";
}
