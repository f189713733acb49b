using System.Text.Json.Serialization;

namespace Sigil.Protocol.Manifests;

/// <summary>The answer to <c>sigil/manifest/verify</c>: an invalid manifest is a result, not an error.</summary>
public sealed record VerifyResultInfo
{
    /// <summary>The manifest checked.</summary>
    [JsonPropertyName("manifest")] public string Manifest { get; init; } = "";

    /// <summary>Whether the resolver would apply it.</summary>
    [JsonPropertyName("valid")] public bool Valid { get; init; }

    /// <summary>The first failure's stable code.</summary>
    [JsonPropertyName("code")] public string? Code { get; init; }

    /// <summary>The first failure in words.</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }

    /// <summary>The pin it concerns, if one.</summary>
    [JsonPropertyName("pin")] public string? Pin { get; init; }

    /// <summary>The manifest's id, when it could be read.</summary>
    [JsonPropertyName("manifestId")] public string? ManifestId { get; init; }

    /// <summary>The assembly checked against.</summary>
    [JsonPropertyName("assembly")] public string Assembly { get; init; } = "";

    /// <summary>Warnings.</summary>
    [JsonPropertyName("warnings")] public IReadOnlyList<string> Warnings { get; init; } = [];
}
