using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>A <c>$/progress</c> report between begin and end.</summary>
public record WorkDoneProgressReport
{
    /// <summary><c>report</c>.</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "report";

    /// <summary>Whether the client may still cancel.</summary>
    [JsonPropertyName("cancellable")] public bool? Cancellable { get; init; }

    /// <summary>Detail.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }

    /// <summary>0–100.</summary>
    [JsonPropertyName("percentage")] public int? Percentage { get; init; }
}
