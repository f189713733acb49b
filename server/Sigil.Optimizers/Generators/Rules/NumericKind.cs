namespace Sigil.Optimizers.Generators.Rules;

/// <summary>The numeric types C# arithmetic works in (smaller integer types promote to <see cref="Int32"/>).</summary>
public enum NumericKind
{
    /// <summary><c>int</c>.</summary>
    Int32 = 1,

    /// <summary><c>uint</c>.</summary>
    UInt32 = 2,

    /// <summary><c>long</c>.</summary>
    Int64 = 3,

    /// <summary><c>ulong</c>.</summary>
    UInt64 = 4,

    /// <summary><c>float</c>.</summary>
    Single = 5,

    /// <summary><c>double</c>.</summary>
    Double = 6,

    /// <summary><c>decimal</c>.</summary>
    Decimal = 7,
}
