using System.Text.Json.Serialization;

namespace Sigil.Tracking.Model;

/// <summary>Numeric summary of a sequence.</summary>
public sealed record NumericSummary(
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("mean")] double Mean);
