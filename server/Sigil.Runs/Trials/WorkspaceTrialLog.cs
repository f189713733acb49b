using Sigil.Core.Identity;
using Sigil.Optimizers.Strategies;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Runs.Trials;

/// <summary>The run log of one pin's run in the workspace: trials are appended as <see cref="TrialRecord"/>s, in order.</summary>
internal sealed class WorkspaceTrialLog : ITrialLog
{
    private readonly IWorkspaceStore _store;
    private readonly TimeProvider _time;

    public WorkspaceTrialLog(IWorkspaceStore store, RunRecord run, TimeProvider time)
    {
        _store = store;
        _time = time;
        Run = run;
        Previous = store.ListTrials(run.Id).Select(ToLogged).ToList();
    }

    public RunRecord Run { get; }

    public IReadOnlyList<LoggedTrial> Previous { get; }

    public void Append(LoggedTrial trial) => _store.InsertTrial(new TrialRecord
    {
        RunId = Run.Id,
        Index = trial.Index,
        Status = (TrialRecordStatus)(int)trial.Status,
        CandidateId = trial.CandidateId is null ? null : CandidateId.Parse(trial.CandidateId),
        ParentId = trial.ParentId is null ? null : CandidateId.Parse(trial.ParentId),
        EvaluationId = trial.EvaluationId,
        Generator = trial.Arm?.Generator,
        Model = trial.Arm?.Model,
        Operator = trial.Arm?.Operator,
        Answer = trial.Answer,
        FailureKind = trial.FailureKind,
        FailureMessage = trial.FailureMessage,
        InputTokens = trial.InputTokens,
        OutputTokens = trial.OutputTokens,
        CostUsd = (double)trial.CostUsd,
        Fitness = trial.Fitness is { } f && double.IsFinite(f) ? f : null,
        Feasible = trial.Feasible,
        Label = trial.Label,
        RequestDigest = trial.RequestDigest,
        CreatedAt = _time.GetUtcNow(),
    });

    private static LoggedTrial ToLogged(TrialRecord record) => new(
        record.Index,
        (TrialStatus)(int)record.Status,
        record.CandidateId?.ToString(),
        record.ParentId?.ToString(),
        record.Generator is null ? null : new GeneratorArm(record.Generator, record.Model, record.Operator),
        record.AnswerTruncated ? null : record.Answer,
        record.FailureKind,
        record.FailureMessage,
        record.InputTokens,
        record.OutputTokens,
        (decimal)record.CostUsd,
        record.Fitness,
        record.Feasible,
        record.Label,
        record.RequestDigest,
        record.EvaluationId);
}
