using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Store;

/// <summary>
/// A trial logged with the candidate and evaluation it names, all or nothing: what a run does after each trial, so a
/// logged trial never names a missing candidate and a stored candidate of a run always has its trial.
/// </summary>
[TestClass]
public sealed class RunBatchTests
{
    private TempDirectory _directory = null!;
    private LiteDbWorkspaceStore _store = null!;
    private RunRecord _run = null!;

    [TestInitialize]
    public void Initialize()
    {
        _directory = new TempDirectory();
        _store = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));
        _run = RunSamples.Run();
    }

    [TestCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [TestMethod]
    public void InsertBatch_RunCandidateEvaluationAndTrials_WritesAllAndCountsThem()
    {
        var candidate = Samples.Candidate("return checked(a + b);");
        var evaluation = Samples.Evaluation(candidate.Id, 1.0);
        var batch = new WorkspaceBatch
        {
            Candidates = [candidate],
            Evaluations = [evaluation],
            Runs = [_run],
            // Out of order on purpose: trials are written by index.
            Trials = [RunSamples.Duplicate(_run.Id, 1, candidate), RunSamples.Evaluated(_run.Id, 0, candidate, evaluation)],
        };

        var result = _store.InsertBatch(batch);
        var again = _store.InsertBatch(batch);

        Assert.AreEqual(new BatchInsertResult(1, 0, 1, 0, 0, 0) { RunsAdded = 1, TrialsAdded = 2 }, result);
        Assert.AreEqual(5, result.Added);
        Assert.AreEqual(new BatchInsertResult(0, 1, 0, 1, 0, 0) { RunsAlreadyPresent = 1, TrialsAlreadyPresent = 2 }, again);
        Assert.AreEqual(5, again.AlreadyPresent);
        CollectionAssert.AreEqual(new[] { 0, 1 }, _store.ListTrials(_run.Id).Select(t => t.Index).ToArray());
    }

    [TestMethod]
    public void InsertBatch_TrialNamingAMissingEvaluation_WritesNothingAtAll()
    {
        _store.InsertRun(_run);
        var candidate = Samples.Candidate("return checked(a + b);");
        var missing = Samples.Evaluation(candidate.Id, 0.5);
        var listing = StoreSnapshot.Listing(_store);

        var error = Assert.ThrowsExactly<WorkspaceReferenceException>(() => _store.InsertBatch(new WorkspaceBatch
        {
            Candidates = [candidate],
            Trials = [RunSamples.Evaluated(_run.Id, 0, candidate, missing)],
        }));

        StringAssert.Contains(error.Message, missing.Id);
        Assert.IsNull(_store.GetCandidate(candidate.Id));
        Assert.IsEmpty(_store.ListTrials(_run.Id));
        Assert.AreEqual(listing, StoreSnapshot.Listing(_store));
    }

    [TestMethod]
    public void InsertBatch_TrialsWithAGap_WritesNothingAtAll()
    {
        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertBatch(new WorkspaceBatch
        {
            Runs = [_run],
            Trials = [RunSamples.Rejected(_run.Id, 0), RunSamples.Rejected(_run.Id, 2)],
        }));

        StringAssert.Contains(error.Message, "next one must be trial 1");
        Assert.IsNull(_store.GetRun(_run.Id));
        Assert.IsEmpty(_store.ListWorkspaces());
    }

    [TestMethod]
    public void InsertBatch_InvalidTrial_IsRefusedBeforeTheTransaction()
    {
        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertBatch(new WorkspaceBatch
        {
            Runs = [_run],
            Trials = [RunSamples.Rejected(_run.Id, 0) with { CostUsd = double.NaN }],
        }));

        StringAssert.Contains(error.Message, "Nothing was written.");
        Assert.IsNull(_store.GetRun(_run.Id));
    }
}
