using Microsoft.CodeAnalysis;

namespace Sigil.Generators.Model
{
    /// <summary>One [assembly: Spec(...)] declaration.</summary>
    internal sealed record SpecModel(string Name, string Description, bool StoreRawInputs, Location? Location);
}
