namespace Sigil.Generators.Model
{
    /// <summary>The per-pin inputs of a FunctionID; the rest comes from build properties and references.</summary>
    /// <param name="Module">Namespace, or "global".</param>
    /// <param name="QualifiedName">Type.Nested.Method(paramtypes).</param>
    /// <param name="NormalizedMethod">From AbiNormalizer.</param>
    /// <param name="LanguageVersion">C# language version of the declaring tree.</param>
    internal sealed record IdentityParts(string Module, string QualifiedName, string NormalizedMethod, string LanguageVersion);
}
