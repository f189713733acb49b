using System.Text.Json.Serialization;
using Sigil.Protocol.Errors;

namespace Sigil.Protocol.Runs;

/// <summary>Why a run did not complete: the JSON-RPC error it would have answered with.</summary>
public sealed record RunError
{
    /// <summary>A <see cref="SigilErrorCodes"/> code.</summary>
    [JsonPropertyName("code")] public int Code { get; init; }

    /// <summary>What went wrong and what to do.</summary>
    [JsonPropertyName("message")] public string Message { get; init; } = "";

    /// <summary>The error's data.</summary>
    [JsonPropertyName("data")] public SigilErrorData? Data { get; init; }
}
