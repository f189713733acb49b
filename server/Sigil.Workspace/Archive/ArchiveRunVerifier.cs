using Sigil.Core.Identity;
using Sigil.Workspace.Model;
using Sigil.Workspace.Serialization;
using Sigil.Workspace.Store;

namespace Sigil.Workspace.Archive;

/// <summary>
/// The run log part of <see cref="ArchiveVerifier"/>: reads and checks <c>runs/</c> and <c>trials/</c> entries (ids
/// recomputed, names, rules), then their references and order against the archive and the target store, so that the
/// import appends every run's trials in order and conflicts with nothing the target holds. Reads the store, never
/// writes it.
/// </summary>
/// <param name="store">The target workspace.</param>
/// <param name="reject">Builds the rejection of an entry: (entry, problem, remedy or <c>null</c>).</param>
internal sealed class ArchiveRunVerifier(IWorkspaceStore store, Func<string, string, string?, WorkspaceArchiveException> reject)
{
    private const string ImportSourceFirst =
        "Import the archive of the workspace that holds it first, or re-export the source with it included.";

    private readonly Dictionary<RunId, (string Entry, RunRecord Record)> _runs = [];
    private readonly List<(string Entry, TrialRecord Record, string Digest)> _trials = [];

    /// <summary>Run entries read so far.</summary>
    public int RunCount => _runs.Count;

    /// <summary>Trial entries read so far.</summary>
    public int TrialCount => _trials.Count;

    public void ReadRun(string path, byte[] bytes, string nameDigest)
    {
        var run = Parse(path, "run", () => RunJson.ReadRun(bytes));
        if (RunRules.CheckRun(run) is { } problem)
        {
            throw reject(path, $"is not a valid run: {problem}", null);
        }
        if (run.Id.Digest != nameDigest)
        {
            throw reject(path, $"holds run {run.Id}, not the one its name says ({RunId.Prefix}{nameDigest}).", null);
        }
        _runs.Add(run.Id, (path, run));
    }

    public void ReadTrial(string path, byte[] bytes, string nameDigest)
    {
        var (trial, id) = Parse(path, "trial", () => RunJson.ReadTrial(bytes));
        if (!RecordRules.IsB3(id))
        {
            throw reject(path, $"is not a valid trial: its id '{id}' must be 'b3:' followed by 64 lowercase hex digits.", null);
        }
        var actual = trial.ComputeDigest();
        if (actual != id)
        {
            throw reject(path, $"holds trial {id}, which does not match its content, which hashes to {actual}. The entry was altered after export.", null);
        }
        if (id[3..] != nameDigest)
        {
            throw reject(path, $"holds trial {id}, not the one its name says (b3:{nameDigest}).", null);
        }
        if (RunRules.CheckTrial(trial) is { } problem)
        {
            throw reject(path, $"is not a valid trial: {problem}", null);
        }
        _trials.Add((path, trial, id));
    }

    /// <summary>
    /// Checks every trial's run, order and references; returns the runs (by entry name) and the trials (by run, then
    /// index) to insert.
    /// </summary>
    /// <param name="candidateInArchive">Whether the archive holds a candidate entry for an id.</param>
    /// <param name="evaluationsInArchive">The archive's evaluations: id to candidate.</param>
    public (List<RunRecord> Runs, List<TrialRecord> Trials) Check(
        Func<CandidateId, bool> candidateInArchive, IReadOnlyDictionary<string, CandidateId> evaluationsInArchive)
    {
        var trials = new List<TrialRecord>(_trials.Count);
        foreach (var group in _trials.GroupBy(t => t.Record.RunId).OrderBy(g => g.Key.Digest, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(t => t.Record.Index).ThenBy(t => t.Entry, StringComparer.Ordinal).ToList();
            var first = ordered[0];
            var run = _runs.TryGetValue(group.Key, out var inArchive)
                ? inArchive.Record
                : store.GetRun(group.Key) ?? throw reject(first.Entry,
                    $"is trial {first.Record.Index} of run {group.Key}, which is neither in the archive nor in the workspace.", ImportSourceFirst);
            var stored = store.ListTrials(group.Key);
            var next = stored.Count;
            for (var i = 0; i < ordered.Count; i++)
            {
                var (entry, trial, digest) = ordered[i];
                var what = $"is trial {trial.Index} of run {group.Key}, but";
                if (i > 0 && ordered[i - 1].Record.Index == trial.Index)
                {
                    throw reject(entry, $"{what} entry '{ordered[i - 1].Entry}' is another trial {trial.Index} of that run; a run has one trial per index.", null);
                }
                if (trial.Index >= run.Iterations)
                {
                    throw reject(entry, $"{what} the run was started for {run.Iterations} trials.", null);
                }
                if (trial.Index < stored.Count)
                {
                    if (stored[trial.Index].ComputeDigest() != digest)
                    {
                        throw reject(entry, $"{what} the workspace already holds a different trial {trial.Index} of that run, and a run's log is insert-only.",
                            "Import into another workspace: the two logs of this run disagree.");
                    }
                    trials.Add(trial); // counted as already present
                    continue;
                }
                if (trial.Index != next)
                {
                    throw reject(entry,
                        $"{what} the archive and the workspace hold {next} trials of that run before it, so the next one must be trial {next}; a run's trials are stored without gaps.", null);
                }
                next++;
                CheckReferences(entry, trial, what, candidateInArchive, evaluationsInArchive);
                trials.Add(trial);
            }
        }
        var runs = _runs.Values.OrderBy(r => r.Entry, StringComparer.Ordinal).Select(r => r.Record).ToList();
        return (runs, trials);
    }

    private void CheckReferences(
        string entry, TrialRecord trial, string what, Func<CandidateId, bool> candidateInArchive, IReadOnlyDictionary<string, CandidateId> evaluationsInArchive)
    {
        foreach (var (id, role) in new[] { (trial.CandidateId, "candidate"), (trial.ParentId, "parent") })
        {
            if (id is not null && !candidateInArchive(id) && store.GetCandidate(id) is null)
            {
                throw reject(entry, $"{what} its {role} {id} is neither in the archive nor in the workspace.", ImportSourceFirst);
            }
        }
        if (trial.EvaluationId is not { } evaluation)
        {
            return;
        }
        var evaluated = evaluationsInArchive.TryGetValue(evaluation, out var candidate)
            ? candidate
            : store.ListEvaluations(trial.CandidateId!).Any(e => e.Id == evaluation) ? trial.CandidateId : null;
        if (evaluated is null)
        {
            throw reject(entry, $"{what} its evaluation {evaluation} is neither in the archive nor in the workspace.", ImportSourceFirst);
        }
        if (evaluated != trial.CandidateId)
        {
            throw reject(entry, $"{what} its evaluation {evaluation} is of candidate {evaluated}, not of the trial's candidate {trial.CandidateId}.", null);
        }
    }

    private T Parse<T>(string path, string what, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (RecordFormatException e)
        {
            throw reject(path, $"is not a valid {what} record: {e.Message}", null);
        }
    }
}
