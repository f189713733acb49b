using System.Text.Json.Serialization;

namespace Sigil.Protocol.Runs;

/// <summary><c>sigil/run/finished</c>: a run ended (always sent, whatever the client's progress support).</summary>
public sealed record RunFinishedParams
{
    /// <summary>The run token.</summary>
    [JsonPropertyName("token")] public string Token { get; init; } = "";

    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")] public string Spec { get; init; } = "";

    /// <summary>The workspace.</summary>
    [JsonPropertyName("workspace")] public string Workspace { get; init; } = "";

    /// <summary><see cref="RunStatus.Completed"/>, <see cref="RunStatus.Cancelled"/> or <see cref="RunStatus.Failed"/>.</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";

    /// <summary>The result, when completed.</summary>
    [JsonPropertyName("result")] public RunSummary? Result { get; init; }

    /// <summary>The error, when failed or cancelled.</summary>
    [JsonPropertyName("error")] public RunError? Error { get; init; }
}
