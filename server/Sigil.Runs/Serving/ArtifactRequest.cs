using Sigil.Core.Identity;

namespace Sigil.Runs.Serving;

/// <summary>Which stored candidates to compile into run-time artifacts.</summary>
public sealed record ArtifactRequest
{
    /// <summary>The user's project file.</summary>
    public required string ProjectFile { get; init; }

    /// <summary>The project's <c>.sigil</c> directory (the workspace lives there).</summary>
    public required string SigilDirectory { get; init; }

    /// <summary>The spec whose pins the candidates improve.</summary>
    public required string Spec { get; init; }

    /// <summary>The candidates.</summary>
    public required IReadOnlyList<CandidateId> Candidates { get; init; }
}
