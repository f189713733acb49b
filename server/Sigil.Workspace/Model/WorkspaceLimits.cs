namespace Sigil.Workspace.Model;

/// <summary>The size and naming limits every workspace record obeys; the store refuses records beyond them.</summary>
public static class WorkspaceLimits
{
    /// <summary>Longest spec or workspace name. Names match <c>[A-Za-z0-9][A-Za-z0-9._-]*</c> (they become directory names).</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest label: evaluator names and versions, metric and parameter names, artifact names, generator fields.</summary>
    public const int MaxLabelLength = 256;

    /// <summary>Largest candidate text, in UTF-8 bytes: diff, AST patch, summary and provenance together.</summary>
    public const int MaxCandidateBytes = 8 * 1024 * 1024;

    /// <summary>Most metrics on one evaluation.</summary>
    public const int MaxMetrics = 10_000;

    /// <summary>Largest artifact blob, in bytes.</summary>
    public const int MaxArtifactBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Largest raw answer a trial keeps, in UTF-8 bytes (256 KiB): a longer answer is cut to this size when assigned to
    /// <see cref="TrialRecord.Answer"/>, which then reports <see cref="TrialRecord.AnswerTruncated"/>.
    /// </summary>
    public const int MaxAnswerBytes = 256 * 1024;

    /// <summary>Largest failure message of a trial, in UTF-8 bytes (64 KiB); a longer one is refused.</summary>
    public const int MaxTrialMessageBytes = 64 * 1024;

    /// <summary>Largest optimizer settings JSON of a run, in UTF-8 bytes (1 MiB).</summary>
    public const int MaxRunSettingsBytes = 1024 * 1024;

    /// <summary>Most pins, and most models, in one run.</summary>
    public const int MaxRunListLength = 10_000;
}
