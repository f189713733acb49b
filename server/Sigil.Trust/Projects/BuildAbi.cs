using Sigil.Core.Identity;
using Sigil.Projects.Pins;

namespace Sigil.Trust.Projects;

/// <summary>
/// The abi-hashes of a built assembly's pins (its <c>[assembly: SigilPin]</c> catalog, read without loading it),
/// looked up as the resolver does: by package, module and qualname; the commit is ignored.
/// </summary>
internal sealed class BuildAbi
{
    private readonly Dictionary<string, string> _abi = new(StringComparer.Ordinal);

    private BuildAbi(string assemblyPath, IEnumerable<FunctionId> functions)
    {
        AssemblyPath = assemblyPath;
        foreach (var function in functions)
        {
            _abi.TryAdd(Key(function), function.AbiHash);
        }
    }

    /// <summary>The assembly read.</summary>
    public string AssemblyPath { get; }

    /// <summary>Reads the pin catalog of <paramref name="assemblyPath"/>.</summary>
    public static BuildAbi Read(string assemblyPath) =>
        new(assemblyPath, PinCatalogReader.Read(assemblyPath)
            .Select(entry => FunctionId.TryParse(entry.FunctionId, out var id) ? id : null)
            .OfType<FunctionId>());

    /// <summary>The current abi-hash of <paramref name="function"/>, or null when the build has no such pin.</summary>
    public string? Find(FunctionId function) => _abi.GetValueOrDefault(Key(function));

    private static string Key(FunctionId id) => $"{id.Package}/{id.Module}:{id.QualifiedName}";
}
