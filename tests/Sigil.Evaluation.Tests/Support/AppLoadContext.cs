using System.Reflection;
using System.Runtime.Loader;
using Sigil.Evaluation.Compilation;

namespace Sigil.Evaluation.Tests.Support;

/// <summary>
/// A collectible load context for one image of the app (a compiled candidate, or the real build), resolving the app's
/// dependencies (Sigil.Runtime, …) from its build output through its deps.json, as a worker will.
/// </summary>
internal sealed class AppLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public AppLoadContext(string builtAssemblyPath)
        : base("sigil-test-" + Guid.NewGuid().ToString("n"), isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(builtAssemblyPath);
    }

    public Assembly Load(CompiledCandidate candidate)
    {
        using var image = new MemoryStream(candidate.Image);
        using var pdb = new MemoryStream(candidate.Pdb);
        return LoadFromStream(image, pdb);
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;

    /// <summary>Calls a public static method of the loaded app.</summary>
    public static object? Call(Assembly assembly, string type, string method, params object?[] arguments) =>
        assembly.GetType(type, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
}
