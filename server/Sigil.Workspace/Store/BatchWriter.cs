using Sigil.Core.Identity;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// <see cref="IWorkspaceStore.InsertBatch"/>: every record is checked and ordered before the transaction
/// (<see cref="Prepare"/>), then written by the same paths as the single inserts and counted (<see cref="Write"/>).
/// </summary>
internal sealed class BatchWriter(CandidateWriter candidates, EvaluationStore evaluations, ArtifactStore artifacts, RunLog runs)
{
    /// <summary>
    /// Checks every record of <paramref name="batch"/> (candidates, evaluations, artifacts, runs, then trials), orders
    /// the candidates parents first and the trials by run and index; touches no database.
    /// </summary>
    public static PreparedBatch Prepare(WorkspaceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch.Candidates, nameof(batch.Candidates));
        ArgumentNullException.ThrowIfNull(batch.Evaluations, nameof(batch.Evaluations));
        ArgumentNullException.ThrowIfNull(batch.Artifacts, nameof(batch.Artifacts));
        ArgumentNullException.ThrowIfNull(batch.Runs, nameof(batch.Runs));
        ArgumentNullException.ThrowIfNull(batch.Trials, nameof(batch.Trials));
        foreach (var candidate in batch.Candidates)
        {
            StoreGuards.ThrowIfInvalid(candidate is null ? "A batch holds a null candidate." : RecordRules.CheckCandidate(candidate));
        }
        foreach (var evaluation in batch.Evaluations)
        {
            StoreGuards.ThrowIfInvalid(evaluation is null ? "A batch holds a null evaluation." : RecordRules.CheckEvaluation(evaluation));
        }
        var uploads = batch.Artifacts.Select(a => ArtifactStore.Prepare(a ?? throw new ArgumentException("A batch holds a null artifact.", nameof(batch)))).ToList();
        foreach (var run in batch.Runs)
        {
            StoreGuards.ThrowIfInvalid(run is null ? "A batch holds a null run." : RunRules.CheckRun(run));
        }
        foreach (var trial in batch.Trials)
        {
            StoreGuards.ThrowIfInvalid(trial is null ? "A batch holds a null trial." : RunRules.CheckTrial(trial));
        }
        var trials = batch.Trials
            .OrderBy(t => t.RunId.Digest, StringComparer.Ordinal)
            .ThenBy(t => t.Index)
            .Select(t => (t, t.ComputeDigest()))
            .ToList();
        return new PreparedBatch(ParentsFirst(batch.Candidates), batch.Evaluations, uploads, batch.Runs, trials);
    }

    /// <summary>Writes a prepared batch (inside the caller's transaction): candidates, evaluations, artifacts, runs, then trials.</summary>
    public BatchInsertResult Write(PreparedBatch batch)
    {
        int candidatesAdded = 0, candidatesPresent = 0, candidatesReused = 0, evaluationsAdded = 0, evaluationsPresent = 0, artifactsAdded = 0, artifactsPresent = 0;
        foreach (var candidate in batch.Candidates)
        {
            var write = candidates.Insert(candidate);
            _ = write.Result.AlreadyExisted ? candidatesPresent++ : candidatesAdded++;
            candidatesReused += write.Result.Added && write.ContentExisted ? 1 : 0;
        }
        foreach (var evaluation in batch.Evaluations)
        {
            _ = evaluations.Insert(evaluation).AlreadyExisted ? evaluationsPresent++ : evaluationsAdded++;
        }
        foreach (var upload in batch.Artifacts)
        {
            _ = artifacts.Put(upload).AlreadyExisted ? artifactsPresent++ : artifactsAdded++;
        }
        int runsAdded = 0, runsPresent = 0, trialsAdded = 0, trialsPresent = 0;
        foreach (var run in batch.Runs)
        {
            _ = runs.InsertRun(run).AlreadyExisted ? runsPresent++ : runsAdded++;
        }
        foreach (var (trial, digest) in batch.Trials)
        {
            _ = runs.InsertTrial(trial, digest).AlreadyExisted ? trialsPresent++ : trialsAdded++;
        }
        return new BatchInsertResult(candidatesAdded, candidatesPresent, evaluationsAdded, evaluationsPresent, artifactsAdded, artifactsPresent)
        {
            CandidatesReused = candidatesReused,
            RunsAdded = runsAdded,
            RunsAlreadyPresent = runsPresent,
            TrialsAdded = trialsAdded,
            TrialsAlreadyPresent = trialsPresent,
        };
    }

    /// <summary>
    /// Orders candidates so that each parent inside the list comes before its children; refuses cycles. Repeated
    /// ids are kept, in their order, after all first occurrences: each then adds a membership of another spec and
    /// workspace, or is counted as already present.
    /// </summary>
    private static List<CandidateRecord> ParentsFirst(IReadOnlyList<CandidateRecord> candidates)
    {
        var firstIndex = new Dictionary<CandidateId, int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            firstIndex.TryAdd(candidates[i].Id, i);
        }
        var ordered = new List<CandidateRecord>(candidates.Count);
        var state = new Dictionary<CandidateId, bool>(); // false: on the current chain, true: placed
        foreach (var start in firstIndex.Values)
        {
            var chain = new Stack<CandidateRecord>();
            for (var current = candidates[start]; ;)
            {
                if (state.TryGetValue(current.Id, out var placed))
                {
                    if (!placed)
                    {
                        throw new WorkspaceIntegrityException(
                            $"Candidate {current.Id} is its own ancestor (its chain of parents loops back to it); a workspace must be a tree rooted at the baseline. Nothing was written.");
                    }
                    break;
                }
                state[current.Id] = false;
                chain.Push(current);
                if (current.Parent is not { } parent || !firstIndex.TryGetValue(parent, out var parentIndex))
                {
                    break;
                }
                current = candidates[parentIndex];
            }
            while (chain.TryPop(out var next))
            {
                state[next.Id] = true;
                ordered.Add(next);
            }
        }
        ordered.AddRange(candidates.Where((candidate, i) => firstIndex[candidate.Id] != i));
        return ordered;
    }
}

/// <summary>A checked batch: candidates parents first, evaluations as given, artifacts prepared, runs as given, trials by run and index with their digests.</summary>
internal sealed record PreparedBatch(
    IReadOnlyList<CandidateRecord> Candidates,
    IReadOnlyList<EvaluationRecord> Evaluations,
    IReadOnlyList<PreparedArtifact> Artifacts,
    IReadOnlyList<RunRecord> Runs,
    IReadOnlyList<(TrialRecord Trial, string Digest)> Trials);
