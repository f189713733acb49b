using Microsoft.CodeAnalysis.Text;

namespace Sigil.Generators.Model
{
    /// <summary>A syntactic occurrence of a pin's name: a call (the invocation's span) or another use (the name's span).</summary>
    internal sealed record NameHit(TextSpan Span, bool IsCall);
}
