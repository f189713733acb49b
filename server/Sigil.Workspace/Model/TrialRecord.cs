using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Serialization;

namespace Sigil.Workspace.Model;

/// <summary>
/// One trial of a run, whatever came of it: an evaluated candidate, a duplicate, an answer with no usable edit, a
/// compile error, a generator failure, or a trial skipped because the budget was spent. The run log keeps every trial,
/// insert-only, so a run can be audited (what was tried, what it cost, why it failed) and resumed: the run service
/// replays the stored trials in <see cref="Index"/> order, answering each from the log instead of asking the generator
/// or evaluating again.
/// </summary>
/// <remarks>
/// <para>
/// Keyed by (<see cref="RunId"/>, <see cref="Index"/>): a run's trials are stored in order, 0, 1, 2... with no gap
/// (see <see cref="Store.IWorkspaceStore.InsertTrial"/>). Offering the same trial again at a stored index writes
/// nothing; offering different content there is refused. Two trials are the same when every field is equal.
/// </para>
/// <para>
/// The raw <see cref="Answer"/> is capped at <see cref="WorkspaceLimits.MaxAnswerBytes"/> UTF-8 bytes on assignment;
/// <see cref="AnswerBytes"/> keeps the full answer's size and <see cref="AnswerTruncated"/> says whether it was cut.
/// The other fields are checked by the store, which refuses an invalid trial (statuses and the fields they require,
/// labels, a failure message over <see cref="WorkspaceLimits.MaxTrialMessageBytes"/>, negative or non-finite costs).
/// </para>
/// </remarks>
public sealed record TrialRecord
{
    private readonly DateTimeOffset _createdAt;
    private readonly string? _answer;
    private readonly long _answerBytes;

    /// <summary>The run the trial belongs to.</summary>
    public required RunId RunId { get; init; }

    /// <summary>The trial's position in its run, from 0; unique per run, stored in order without gaps.</summary>
    public required int Index { get; init; }

    /// <summary>How the trial ended.</summary>
    public required TrialRecordStatus Status { get; init; }

    /// <summary>
    /// The candidate the trial produced (<see cref="TrialRecordStatus.Evaluated"/>) or duplicated
    /// (<see cref="TrialRecordStatus.Duplicate"/>); must be stored. <c>null</c> for the other statuses.
    /// </summary>
    public CandidateId? CandidateId { get; init; }

    /// <summary>The candidate the trial started from, or <c>null</c> for the baseline; must be stored.</summary>
    public CandidateId? ParentId { get; init; }

    /// <summary>
    /// The evaluation (<c>b3:&lt;hex&gt;</c>) that gave <see cref="Fitness"/>, when there is one: a stored evaluation of
    /// <see cref="CandidateId"/>. Lets a replay restore the program's metrics.
    /// </summary>
    public string? EvaluationId { get; init; }

    /// <summary>The arm's generator kind (for example <c>llm</c>, <c>rules</c>), or <c>null</c> when the request carried its own answer.</summary>
    public string? Generator { get; init; }

    /// <summary>The arm's model (LLM only), or <c>null</c>.</summary>
    public string? Model { get; init; }

    /// <summary>The arm's operator (a prompt variant or a rewrite rule), or <c>null</c>.</summary>
    public string? Operator { get; init; }

    /// <summary>
    /// The raw answer the generator returned (or the ready answer of the request), or <c>null</c> when there was none.
    /// On assignment, NUL characters and unpaired surrogates (which the store cannot hold) become U+FFFD, an answer over
    /// <see cref="WorkspaceLimits.MaxAnswerBytes"/> UTF-8 bytes is cut to the longest prefix that fits (never splitting
    /// a character), and <see cref="AnswerBytes"/> is set to the full answer's size: any output can be logged.
    /// </summary>
    public string? Answer
    {
        get => _answer;
        init => (_answer, _answerBytes) = AnswerCap.Apply(value);
    }

    /// <summary>The size in UTF-8 bytes of the full answer as generated (0 when there was none); set with <see cref="Answer"/>.</summary>
    public long AnswerBytes
    {
        get => _answerBytes;
        internal init => _answerBytes = value;
    }

    /// <summary>True when <see cref="Answer"/> holds only the first <see cref="WorkspaceLimits.MaxAnswerBytes"/> bytes of the answer.</summary>
    public bool AnswerTruncated => _answer is not null && _answerBytes > WorkspaceLimits.MaxAnswerBytes;

    /// <summary>
    /// A stable kind for what went wrong (<c>no-usable-edit</c>, <c>compile-error</c>, <c>rate-limited</c>,
    /// <c>wrong-result</c>...), for a rejected trial or an infeasible evaluated one; else <c>null</c>.
    /// </summary>
    public string? FailureKind { get; init; }

    /// <summary>What went wrong, as fed back to the generator; at most <see cref="WorkspaceLimits.MaxTrialMessageBytes"/> UTF-8 bytes.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>Tokens sent to the generator (prompt).</summary>
    public long InputTokens { get; init; }

    /// <summary>Tokens the generator returned (completion).</summary>
    public long OutputTokens { get; init; }

    /// <summary>What the trial cost in USD (0 for rules and ready answers).</summary>
    public double CostUsd { get; init; }

    /// <summary>
    /// The program's fitness (higher is better): required when <see cref="TrialRecordStatus.Evaluated"/>, optional for a
    /// duplicate (the earlier program's), absent otherwise. May be NaN or infinite for an infeasible program.
    /// </summary>
    public double? Fitness { get; init; }

    /// <summary>Whether the program is feasible (correct, no errors); present exactly when <see cref="Fitness"/> is.</summary>
    public bool? Feasible { get; init; }

    /// <summary>A short label from the strategy (for example <c>island=2 cell=3,1</c>), or <c>null</c>.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// An opaque digest of the strategy's request, computed by the run service; on resume it recomputes the request's
    /// digest and compares, so a replay that diverges from the log is detected.
    /// </summary>
    public required string RequestDigest { get; init; }

    /// <summary>When the trial ended; normalized to UTC on assignment.</summary>
    public required DateTimeOffset CreatedAt
    {
        get => _createdAt;
        init => _createdAt = value.ToUniversalTime();
    }

    /// <summary>The tokens of the trial, input plus output.</summary>
    public long Tokens => InputTokens + OutputTokens;

    /// <summary>
    /// The trial's content digest, <c>b3:</c> and the BLAKE3 of its canonical JSON (schema <c>sigil/trial@1</c>): what the
    /// store compares when a trial is offered at a stored index, and the name of its archive entry.
    /// </summary>
    internal string ComputeDigest() => "b3:" + Blake3Digest.Hex(CanonicalJson.Serialize(RunJson.TrialBody(this)));
}
