using System.Text.Json.Serialization;

namespace Sigil.Tracking.Model;

/// <summary>
/// What a sketch keeps of a numeric scalar when raw values are not permitted: its sign and the power of two below
/// its absolute value (2^Log2 ≤ |x| &lt; 2^(Log2+1)); Log2 is null for zero and for NaN/infinities.
/// </summary>
public sealed record ScalarMagnitude(
    [property: JsonPropertyName("sign")] int Sign,
    [property: JsonPropertyName("log2")] int? Log2,
    [property: JsonPropertyName("finite")] bool Finite);
