namespace Sigil.Generators.Model
{
    /// <summary>The compilation-wide inputs of FunctionIDs.</summary>
    /// <param name="Package">The assembly name (the FunctionID's package).</param>
    /// <param name="References">Referenced assemblies as "Name/Version".</param>
    internal sealed record CompilationInfo(string Package, EquatableArray<string> References);
}
