using System.Text.Json.Serialization;

namespace Sigil.Protocol.Runs;

/// <summary>The answer to <c>sigil/run/start</c>.</summary>
public sealed record RunStartResult
{
    /// <summary>The run token: for <c>sigil/run/cancel</c>, <c>$/progress</c> and <c>sigil/run/finished</c>.</summary>
    [JsonPropertyName("token")] public string Token { get; init; } = "";

    /// <summary><see cref="RunStatus"/>: <c>running</c>, or how it ended when <c>wait</c> was set.</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = RunStatus.Running;

    /// <summary>The result, when <c>wait</c> was set.</summary>
    [JsonPropertyName("result")] public RunSummary? Result { get; init; }
}
