using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Tracking.Model;

/// <summary>What the log keeps of one input or output value: a sketch, and the raw value only where permitted.</summary>
public sealed record ValueSummary
{
    /// <summary>The declared C# type.</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }

    /// <summary>Kind: null, int, float, bool (exact), scalar (hash + magnitude), string, numbers, sequence, object, redacted, unsupported, none.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>Size: 1 for scalars, length for strings, count for sequences, JSON bytes for objects.</summary>
    [JsonPropertyName("size")] public long? Size { get; init; }

    /// <summary>xxh3 of the value's bytes (absent for exact scalars and redacted values).</summary>
    [JsonPropertyName("hash")] public string? Hash { get; init; }

    /// <summary>The exact value of a scalar: kept only where raw values are permitted (and for booleans).</summary>
    [JsonPropertyName("value")] public JsonElement? Value { get; init; }

    /// <summary>Sign and power-of-two magnitude of a numeric scalar whose exact value may not be stored.</summary>
    [JsonPropertyName("magnitude")] public ScalarMagnitude? Magnitude { get; init; }

    /// <summary>min/max/mean of a numeric sequence.</summary>
    [JsonPropertyName("numeric")] public NumericSummary? Numeric { get; init; }

    /// <summary>The raw value as JSON, present only when the spec permits it and the parameter is not sensitive.</summary>
    [JsonPropertyName("raw")] public JsonElement? Raw { get; init; }

    /// <summary>Why the value could not be sketched.</summary>
    [JsonPropertyName("note")] public string? Note { get; init; }
}
