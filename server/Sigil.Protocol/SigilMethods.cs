namespace Sigil.Protocol;

/// <summary>Sigil's LSP extension methods, <c>sigil/&lt;noun&gt;/&lt;verb&gt;</c> (docs/lsp-extensions.md).</summary>
public static class SigilMethods
{
    /// <summary>Request: a spec's candidates with their scores (<c>sigil inspect-solutions</c>).</summary>
    public const string CandidatesList = "sigil/candidates/list";

    /// <summary>Request: a candidate's diff, with its and the baseline's source of the pin (<c>sigil show</c>).</summary>
    public const string CandidateDiff = "sigil/candidate/diff";

    /// <summary>Request: score and speedup per trial of each run, with the baseline.</summary>
    public const string ScoresHistory = "sigil/scores/history";

    /// <summary>Request: starts a run (<c>sigil run</c>); progress on <c>$/progress</c>, the end on <see cref="RunFinished"/>.</summary>
    public const string RunStart = "sigil/run/start";

    /// <summary>Request: cancels a run by its token.</summary>
    public const string RunCancel = "sigil/run/cancel";

    /// <summary>Notification (server to client): a run ended, with its result or error.</summary>
    public const string RunFinished = "sigil/run/finished";

    /// <summary>Request: fresh paired trials against the baseline (<c>sigil compare</c>).</summary>
    public const string CompareRun = "sigil/compare/run";

    /// <summary>Request: signs a manifest from stored evidence (<c>sigil promote</c>).</summary>
    public const string ManifestPromote = "sigil/manifest/promote";

    /// <summary>Request: checks a manifest as the resolver would (<c>sigil verify</c>).</summary>
    public const string ManifestVerify = "sigil/manifest/verify";

    /// <summary>Request: rewrites the pins to a manifest's candidates on a git branch (<c>sigil publish</c>).</summary>
    public const string ManifestPublish = "sigil/manifest/publish";

    /// <summary>Request: turns tracking on.</summary>
    public const string TrackerStart = "sigil/tracker/start";

    /// <summary>Request: turns tracking off.</summary>
    public const string TrackerStop = "sigil/tracker/stop";

    /// <summary>Request: whether tracking is on and what the sample log holds.</summary>
    public const string TrackerStatus = "sigil/tracker/status";

    /// <summary>Every request above, for <c>capabilities.experimental.sigil.methods</c>.</summary>
    public static IReadOnlyList<string> Requests { get; } =
    [
        CandidatesList, CandidateDiff, ScoresHistory, RunStart, RunCancel, CompareRun, ManifestPromote, ManifestVerify,
        ManifestPublish, TrackerStart, TrackerStop, TrackerStatus,
    ];
}
