using System.Text.Json.Serialization;

namespace Sigil.Protocol.Manifests;

/// <summary><c>sigil/manifest/promote</c>: the options of <c>sigil promote</c>.</summary>
public sealed record PromoteParams
{
    /// <summary>The spec (required).</summary>
    [JsonPropertyName("spec")] public string? Spec { get; init; }

    /// <summary>The workspace (required).</summary>
    [JsonPropertyName("workspace")] public string? Workspace { get; init; }

    /// <summary>The signing key's name (required; the project must trust it in sigil.keys.json).</summary>
    [JsonPropertyName("key")] public string? Key { get; init; }

    /// <summary>Candidates to promote, at most one per pin; default: each pin's best with accepted evidence.</summary>
    [JsonPropertyName("candidates")] public IReadOnlyList<string>? Candidates { get; init; }

    /// <summary>Who promotes (default: git user.email, else the user name).</summary>
    [JsonPropertyName("author")] public string? Author { get; init; }

    /// <summary><c>speed</c> (default) or <c>score</c>: the default policy.</summary>
    [JsonPropertyName("objective")] public string Objective { get; init; } = "speed";

    /// <summary>Policy clauses <c>METRIC OP NUMBER</c>, e.g. <c>speedup_ci_low&gt;1.05</c>.</summary>
    [JsonPropertyName("constraints")] public IReadOnlyList<string>? Constraints { get; init; }

    /// <summary>The non-inferiority clause <c>METRIC&gt;=DELTA</c>, or <c>none</c>.</summary>
    [JsonPropertyName("nonInferiority")] public string? NonInferiority { get; init; }

    /// <summary>Days the manifest stays valid (default 90; 1 minute to 3660 days).</summary>
    [JsonPropertyName("expiresInDays")] public double ExpiresInDays { get; init; } = 90;

    /// <summary>Where to write the manifest (default sigil.manifest.json in the project folder; relative to it).</summary>
    [JsonPropertyName("out")] public string? Out { get; init; }

    /// <summary>Replace an existing output file.</summary>
    [JsonPropertyName("force")] public bool Force { get; init; }

    /// <summary>Do not compile the approved methods for the prod resolver.</summary>
    [JsonPropertyName("noArtifacts")] public bool NoArtifacts { get; init; }
}
