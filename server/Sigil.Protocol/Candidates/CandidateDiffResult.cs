using System.Text.Json.Serialization;

namespace Sigil.Protocol.Candidates;

/// <summary>
/// A candidate's diff against its parent, and the pin's source as the baseline has it and as the candidate has it (the
/// whole chain of diffs applied to the project's current files), for a side-by-side diff.
/// </summary>
public sealed record CandidateDiffResult
{
    /// <summary>The candidate id.</summary>
    [JsonPropertyName("candidate")] public string Candidate { get; init; } = "";

    /// <summary>The pin's FunctionID.</summary>
    [JsonPropertyName("functionId")] public string FunctionId { get; init; } = "";

    /// <summary>The pin's qualified name.</summary>
    [JsonPropertyName("pin")] public string Pin { get; init; } = "";

    /// <summary>The parent candidate, or null when the diff applies to the baseline.</summary>
    [JsonPropertyName("parent")] public string? Parent { get; init; }

    /// <summary>The unified diff against the parent.</summary>
    [JsonPropertyName("diff")] public string Diff { get; init; } = "";

    /// <summary>The source file holding the pin, relative to the project file's folder.</summary>
    [JsonPropertyName("file")] public string? File { get; init; }

    /// <summary>The pin's declaration in the baseline (null when it could not be rebuilt: see <see cref="SourceWarning"/>).</summary>
    [JsonPropertyName("baselineSource")] public string? BaselineSource { get; init; }

    /// <summary>The pin's declaration in the candidate.</summary>
    [JsonPropertyName("candidateSource")] public string? CandidateSource { get; init; }

    /// <summary>The whole baseline file.</summary>
    [JsonPropertyName("baselineFileText")] public string? BaselineFileText { get; init; }

    /// <summary>The whole candidate file.</summary>
    [JsonPropertyName("candidateFileText")] public string? CandidateFileText { get; init; }

    /// <summary>Why the sources are missing, when they are (e.g. the file was edited since the candidate was made).</summary>
    [JsonPropertyName("sourceWarning")] public string? SourceWarning { get; init; }

    /// <summary>The specs and workspaces holding it, with provenance.</summary>
    [JsonPropertyName("memberships")] public IReadOnlyList<CandidateMembershipInfo> Memberships { get; init; } = [];

    /// <summary>Its evaluations, oldest first.</summary>
    [JsonPropertyName("evaluations")] public IReadOnlyList<EvaluationInfo> Evaluations { get; init; } = [];
}
