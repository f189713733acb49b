using System.Text.Json.Serialization;

namespace Sigil.Protocol.Runs;

/// <summary>The answer to <c>sigil/run/cancel</c> (sent once the run has stopped).</summary>
public sealed record RunCancelResult
{
    /// <summary>The run token.</summary>
    [JsonPropertyName("token")] public string Token { get; init; } = "";

    /// <summary>True when this request stopped the run; false when it had already ended.</summary>
    [JsonPropertyName("cancelled")] public bool Cancelled { get; init; }

    /// <summary>The run's <see cref="RunStatus"/> now.</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";
}
