using LiteDB;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// The run log: <c>runs</c> (one document per run id) and <c>trials</c> (one per run and index). Insert-only like the
/// rest of the store: a run is keyed by its content-addressed id, a trial by its run and index; writing a stored key
/// writes nothing (a trial offered with other content at a stored index is refused), and trials are only appended, in
/// order, so a run's log is always a gap-free prefix 0..n-1 that a resumed run can replay.
/// </summary>
internal sealed class RunLog(WorkspaceCollections collections, CandidateReader candidates, ScopeRegistry scopes)
{
    /// <summary>Inserts a validated run unless its id is stored, and registers its spec and workspace.</summary>
    public InsertResult<RunRecord> InsertRun(RunRecord run)
    {
        if (collections.Runs.FindById(run.Id.Digest) is { } existing)
        {
            return new(RunBsonCodec.ToRun(existing), AlreadyExisted: true);
        }
        collections.Runs.Insert(RunBsonCodec.FromRun(run));
        scopes.Register(run.Spec, run.Workspace);
        return new(run, AlreadyExisted: false);
    }

    /// <summary>The run with this id, or <c>null</c>.</summary>
    public RunRecord? GetRun(RunId id) => collections.Runs.FindById(id.Digest) is { } document ? RunBsonCodec.ToRun(document) : null;

    /// <summary>The runs of <paramref name="spec"/> (in <paramref name="workspace"/>, or in all of them when <c>null</c>), by start time, then id.</summary>
    public List<RunRecord> ListRuns(string spec, string? workspace)
    {
        var query = workspace is null ? Query.EQ("spec", spec) : Query.EQ("scope", BsonCodec.Scope(spec, workspace));
        return collections.Runs.Find(query)
            .Select(RunBsonCodec.ToRun)
            .OrderBy(r => r.CreatedAt)
            .ThenBy(r => r.Id.Digest, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Appends a validated trial to its run: the run must be stored and the index must be the run's number of trials
    /// (and below its <see cref="RunRecord.Iterations"/>); the candidate, parent and evaluation it names must be stored.
    /// At a stored index, the same trial writes nothing and another one is refused.
    /// </summary>
    /// <param name="trial">The trial, validated.</param>
    /// <param name="digest">Its <see cref="TrialRecord.ComputeDigest"/>.</param>
    public InsertResult<TrialRecord> InsertTrial(TrialRecord trial, string digest)
    {
        var what = $"Trial {trial.Index} of run {trial.RunId}";
        var runDocument = collections.Runs.FindById(trial.RunId.Digest) ?? throw new WorkspaceReferenceException(
            $"{what} was refused: the run is not in workspace database '{collections.DatabasePath}'. Insert the run first.");
        if (collections.Trials.FindById(RunBsonCodec.TrialKey(trial.RunId, trial.Index)) is { } existing)
        {
            return existing["digest"].AsString == BsonCodec.Hex(digest)
                ? new(RunBsonCodec.ToTrial(existing), AlreadyExisted: true)
                : throw new WorkspaceConflictException(
                    $"{what} was refused: the run already has a different trial {trial.Index} (stored: {Describe(RunBsonCodec.ToTrial(existing))}, content b3:{existing["digest"].AsString}; " +
                    $"offered: {Describe(trial)}, content {digest}). " +
                    "A run's log is insert-only: a resumed run must replay its stored trials, not make them again. If the strategy or its settings changed, start a new run.");
        }
        var count = collections.Trials.Count(Query.EQ("run", trial.RunId.Digest));
        if (trial.Index != count)
        {
            throw new WorkspaceIntegrityException(
                $"{what} was refused: the run has {count} trials, so the next one must be trial {count}. Trials are stored in order, without gaps, so a resumed run can replay them.");
        }
        var iterations = runDocument["niter"].AsInt32;
        if (trial.Index >= iterations)
        {
            throw new WorkspaceIntegrityException(
                $"{what} was refused: the run was started for {iterations} trials (--niter), numbered 0 to {iterations - 1}. To go on, start a new run.");
        }
        RequireReferences(trial, what);
        collections.Trials.Insert(RunBsonCodec.FromTrial(trial, digest));
        return new(trial, AlreadyExisted: false);
    }

    /// <summary>The trials of a run by index (empty when the run is unknown).</summary>
    public List<TrialRecord> ListTrials(RunId runId) => collections.Trials.Find(Query.EQ("run", runId.Digest))
        .Select(RunBsonCodec.ToTrial)
        .OrderBy(t => t.Index)
        .ToList();

    private void RequireReferences(TrialRecord trial, string what)
    {
        if (trial.CandidateId is { } candidate)
        {
            candidates.Require(candidate, what);
        }
        if (trial.ParentId is { } parent && collections.Candidates.FindById(parent.Digest) is null)
        {
            throw new WorkspaceReferenceException(
                $"{what} was refused: its parent {parent} is not in workspace database '{collections.DatabasePath}'. Insert the parent first, or pass null for the baseline.");
        }
        if (trial.EvaluationId is { } evaluation)
        {
            var document = collections.Evaluations.FindById(BsonCodec.Hex(evaluation)) ?? throw new WorkspaceReferenceException(
                $"{what} was refused: its evaluation {evaluation} is not in workspace database '{collections.DatabasePath}'. Insert the evaluation first.");
            if (document["candidate"].AsString != trial.CandidateId!.Digest)
            {
                throw new WorkspaceIntegrityException(
                    $"{what} was refused: its evaluation {evaluation} is of candidate diff://b3:{document["candidate"].AsString}, not of the trial's candidate {trial.CandidateId}.");
            }
        }
    }

    private static string Describe(TrialRecord trial) =>
        $"{Serialization.RunJson.StatusText(trial.Status)}{(trial.CandidateId is { } id ? " " + id : "")}, request {trial.RequestDigest}";
}
