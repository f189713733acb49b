using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>The first <c>$/progress</c> value of a token.</summary>
public sealed record WorkDoneProgressBegin
{
    /// <summary><c>begin</c>.</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "begin";

    /// <summary>What runs.</summary>
    [JsonPropertyName("title")] public string Title { get; init; } = "";

    /// <summary>Whether the client may cancel it (<c>window/workDoneProgress/cancel</c>).</summary>
    [JsonPropertyName("cancellable")] public bool Cancellable { get; init; }

    /// <summary>Detail.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }

    /// <summary>0–100.</summary>
    [JsonPropertyName("percentage")] public int? Percentage { get; init; }
}
