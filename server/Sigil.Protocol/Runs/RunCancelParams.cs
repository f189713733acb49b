using System.Text.Json.Serialization;

namespace Sigil.Protocol.Runs;

/// <summary><c>sigil/run/cancel</c>.</summary>
public sealed record RunCancelParams
{
    /// <summary>The run token (required).</summary>
    [JsonPropertyName("token")] public string? Token { get; init; }
}
