using Sigil.Candidates.Building;
using Sigil.Core.Identity;
using Sigil.Runs.Pins;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Runs.Trials;

/// <summary>Writes a pin's candidates and evaluations to the workspace, and reads them back when a run resumes.</summary>
internal sealed class TrialStore(IWorkspaceStore store, PinInfo pin, string workspace, string optimizer, IReadOnlyDictionary<string, string> parameters, TimeProvider time)
{
    public void SaveCandidate(Candidate candidate, ProgramState parent, Proposal proposal, string? label)
    {
        var provenance = new Provenance
        {
            GeneratorKind = proposal.Arm?.Generator ?? optimizer,
            Model = proposal.Model,
            PromptDigest = proposal.PromptDigest,
            Tokens = proposal.InputTokens + proposal.OutputTokens is var tokens and > 0 ? tokens : null,
            Optimizer = optimizer,
            OptimizerParameters = parameters,
        };
        var summary = proposal.Arm is { } arm ? $"{arm.Generator}{(arm.Operator is null ? "" : ": " + arm.Operator)}" : $"{optimizer}";
        if (label is not null)
        {
            summary += $" ({label})";
        }
        var record = CandidateRecord.Create(
            pin.FunctionId, pin.Spec, workspace, parent.CandidateId, candidate.Diff, candidate.AstPatch, provenance, time.GetUtcNow(), summary);
        store.InsertCandidate(record);
    }

    public void SaveEvaluations(IEnumerable<EvaluationRecord> records)
    {
        foreach (var record in records)
        {
            store.InsertEvaluation(record);
        }
    }

    /// <summary>The evaluation a resumed trial had, from the stored records and the logged verdict.</summary>
    public ProgramEvaluation LoadEvaluation(Candidate candidate, LoggedTrial trial)
    {
        var records = store.ListEvaluations(candidate.Id).Where(r => r.Id == trial.EvaluationId).ToList();
        var metrics = records.LastOrDefault()?.Metrics ?? new Dictionary<string, double>();
        var compiled = trial.FailureKind != "compile-error";
        return new ProgramEvaluation(compiled, trial.Feasible ?? false, trial.Fitness ?? double.NaN, metrics, trial.FailureKind, trial.FailureMessage, records);
    }

}
