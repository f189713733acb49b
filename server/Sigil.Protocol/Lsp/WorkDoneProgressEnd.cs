using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>The last <c>$/progress</c> value of a token.</summary>
public sealed record WorkDoneProgressEnd
{
    /// <summary><c>end</c>.</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "end";

    /// <summary>How it ended.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }
}
