using Microsoft.CodeAnalysis;

namespace Sigil.Generators.Model
{
    /// <summary>A use of a pin that is not a routable direct call (SIGIL004 when the pin is valid).</summary>
    internal sealed record PinUseModel(string PinKey, string PinDisplayName, Location Location);
}
