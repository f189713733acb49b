using Microsoft.CodeAnalysis.Text;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>A decimal numeric literal of a method: a coordinate MADS and the literal operator can move.</summary>
/// <param name="Index">Its position among the method's literals (document order, from 0): the key for <see cref="NumericLiterals.WithValues"/>.</param>
/// <param name="Span">Where its token is in the method source it was found in.</param>
/// <param name="Text">The token as written (<c>40</c>, <c>0.5</c>, <c>1e-9</c>, <c>3L</c>).</param>
/// <param name="Value">Its value.</param>
/// <param name="Kind">Its type.</param>
/// <param name="InLoopCondition">True when it is part of a loop's condition (an iteration count, a tolerance).</param>
public sealed record NumericLiteral(int Index, TextSpan Span, string Text, double Value, NumericKind Kind, bool InLoopCondition)
{
    /// <summary>True for integer kinds (values are rounded when set).</summary>
    public bool IsInteger => NumericTypes.IsInteger(Kind);
}
