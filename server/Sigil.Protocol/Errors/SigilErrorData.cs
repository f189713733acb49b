using System.Text.Json.Serialization;

namespace Sigil.Protocol.Errors;

/// <summary>The <c>data</c> of every error the Sigil server sends.</summary>
public sealed record SigilErrorData
{
    /// <summary>A stable name for the error (<c>no-project</c>, <c>not-found</c>, <c>trust-refused</c>, <c>invalid-params</c>...).</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = "";

    /// <summary>For <see cref="SigilErrorCodes.TrustRefused"/>: the trust service's code (<c>policy-not-met</c>, <c>no-evidence</c>...).</summary>
    [JsonPropertyName("trustCode")] public string? TrustCode { get; init; }

    /// <summary>The method that failed.</summary>
    [JsonPropertyName("method")] public string? Method { get; init; }
}
