namespace Sigil.Optimizers.Strategies.Configuration;

/// <summary>The type of an optimizer parameter's value (values are always given as invariant-culture text).</summary>
public enum ParameterKind
{
    /// <summary>A whole number (<c>4</c>).</summary>
    Integer = 1,

    /// <summary>A real number (<c>0.5</c>, <c>1e-3</c>).</summary>
    Number = 2,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean = 3,

    /// <summary>One of a fixed set of words (<c>ucb1</c>, <c>thompson</c>).</summary>
    Choice = 4,

    /// <summary>Free text with its own syntax, checked by the optimizer (MADS's <c>literals</c>).</summary>
    Text = 5,
}
