using Sigil.Core.Identity;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Store;

/// <summary>
/// Trials in the run log: appended in order (the rule that makes resume by replay safe), idempotent at a stored index,
/// conflicting otherwise, naming only stored records.
/// </summary>
[TestClass]
public sealed class TrialLogTests
{
    private TempDirectory _directory = null!;
    private LiteDbWorkspaceStore _store = null!;
    private SampleWorkspace _sample = null!;
    private RunRecord _run = null!;

    [TestInitialize]
    public void Initialize()
    {
        _directory = new TempDirectory();
        _store = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));
        _sample = Samples.Populate(_store);
        _run = RunSamples.Run(iterations: 5);
        _store.InsertRun(_run);
    }

    [TestCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [TestMethod]
    public void InsertTrial_EveryStatusInOrder_ListTrialsReturnsThemByIndexWithEveryField()
    {
        var evaluation = _store.ListEvaluations(_sample.Root.Id)[0];
        TrialRecord[] trials =
        [
            RunSamples.Evaluated(_run.Id, 0, _sample.Root, evaluation),
            RunSamples.Rejected(_run.Id, 1),
            RunSamples.Evaluated(_run.Id, 2, _sample.Child, fitness: double.NaN, feasible: false),
            RunSamples.Duplicate(_run.Id, 3, _sample.Root) with { Fitness = 1.5, Feasible = true },
            RunSamples.OutOfBudget(_run.Id, 4),
        ];

        var results = trials.Select(_store.InsertTrial).ToList();

        Assert.IsTrue(results.All(r => r.Added));
        CollectionAssert.AreEqual(trials, _store.ListTrials(_run.Id).ToArray());
        var first = _store.ListTrials(_run.Id)[0];
        Assert.AreEqual(evaluation.Id, first.EvaluationId);
        Assert.AreEqual(1500, first.Tokens);
        Assert.AreEqual(0.0125, first.CostUsd);
        Assert.IsFalse(first.AnswerTruncated);
        Assert.IsTrue(double.IsNaN(_store.ListTrials(_run.Id)[2].Fitness!.Value));
        Assert.IsEmpty(_store.ListTrials(RunSamples.Run(minute: 99).Id));
    }

    [TestMethod]
    public void InsertTrial_IndexPastTheRunsCount_IsRefusedAndWritesNothing()
    {
        _store.InsertTrial(RunSamples.Rejected(_run.Id, 0));
        var hash = StoreSnapshot.FileHash(_store.DatabasePath);

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertTrial(RunSamples.Rejected(_run.Id, 2)));

        StringAssert.Contains(error.Message, "the run has 1 trials, so the next one must be trial 1");
        StringAssert.Contains(error.Message, "without gaps");
        Assert.HasCount(1, _store.ListTrials(_run.Id));
        Assert.AreEqual(hash, StoreSnapshot.FileHash(_store.DatabasePath));
    }

    [TestMethod]
    public void InsertTrial_IndexAtTheRunsIterations_IsRefused()
    {
        for (var i = 0; i < _run.Iterations; i++)
        {
            _store.InsertTrial(RunSamples.Rejected(_run.Id, i));
        }

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertTrial(RunSamples.Rejected(_run.Id, 5)));

        StringAssert.Contains(error.Message, "started for 5 trials");
    }

    [TestMethod]
    public void InsertTrial_SameTrialAgain_IsAlreadyExistedAndWritesNothing()
    {
        var trial = RunSamples.Evaluated(_run.Id, 0, _sample.Root);
        _store.InsertTrial(trial);
        _store.InsertTrial(RunSamples.Rejected(_run.Id, 1));
        var hash = StoreSnapshot.FileHash(_store.DatabasePath);

        var again = _store.InsertTrial(RunSamples.Evaluated(_run.Id, 0, _sample.Root));

        Assert.IsTrue(again.AlreadyExisted);
        Assert.AreEqual(trial, again.Record);
        Assert.AreEqual(hash, StoreSnapshot.FileHash(_store.DatabasePath));
    }

    [TestMethod]
    public void InsertTrial_DifferentTrialAtAStoredIndex_IsAConflict()
    {
        _store.InsertTrial(RunSamples.Evaluated(_run.Id, 0, _sample.Root));
        var hash = StoreSnapshot.FileHash(_store.DatabasePath);

        var changedCost = Assert.ThrowsExactly<WorkspaceConflictException>(
            () => _store.InsertTrial(RunSamples.Evaluated(_run.Id, 0, _sample.Root) with { CostUsd = 0.02 }));
        var otherOutcome = Assert.ThrowsExactly<WorkspaceConflictException>(() => _store.InsertTrial(RunSamples.Rejected(_run.Id, 0)));

        StringAssert.Contains(changedCost.Message, "already has a different trial 0");
        StringAssert.Contains(changedCost.Message, "replay");
        StringAssert.Contains(otherOutcome.Message, "stored: evaluated " + _sample.Root.Id);
        StringAssert.Contains(otherOutcome.Message, "offered: rejected");
        Assert.AreEqual(hash, StoreSnapshot.FileHash(_store.DatabasePath));
    }

    [TestMethod]
    public void InsertTrial_UnknownRunOrCandidate_IsRefusedAsAReference()
    {
        var unknown = new CandidateId(new string('9', 64));
        var cases = new (TrialRecord Trial, string Phrase)[]
        {
            (RunSamples.Rejected(RunSamples.Run(minute: 99).Id, 0), "the run is not in workspace database"),
            (RunSamples.Evaluated(_run.Id, 0, _sample.Root) with { CandidateId = unknown }, $"its candidate {unknown} is not in"),
            (RunSamples.Evaluated(_run.Id, 0, _sample.Root) with { ParentId = unknown }, $"its parent {unknown} is not in"),
            (RunSamples.Evaluated(_run.Id, 0, _sample.Root) with { EvaluationId = "b3:" + new string('8', 64) }, "its evaluation b3:8888"),
        };

        foreach (var (trial, phrase) in cases)
        {
            var error = Assert.ThrowsExactly<WorkspaceReferenceException>(() => _store.InsertTrial(trial), phrase);
            StringAssert.Contains(error.Message, phrase);
        }
        Assert.IsEmpty(_store.ListTrials(_run.Id));
    }

    [TestMethod]
    public void InsertTrial_EvaluationOfAnotherCandidate_IsRefused()
    {
        var childEvaluation = _store.ListEvaluations(_sample.Child.Id)[0];

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(
            () => _store.InsertTrial(RunSamples.Evaluated(_run.Id, 0, _sample.Root, childEvaluation)));

        StringAssert.Contains(error.Message, $"is of candidate {_sample.Child.Id}");
    }

    [TestMethod]
    public void InsertTrial_InvalidFields_AreRefusedWithTheReason()
    {
        var evaluated = RunSamples.Evaluated(_run.Id, 0, _sample.Root);
        var cases = new (TrialRecord Trial, string Phrase)[]
        {
            (evaluated with { CandidateId = null }, "must name its candidate"),
            (RunSamples.Rejected(_run.Id, 0) with { CandidateId = _sample.Root.Id }, "has no candidate"),
            (evaluated with { Fitness = null, Feasible = null }, "must give its fitness"),
            (evaluated with { Feasible = null }, "fitness and feasible go together"),
            (RunSamples.Rejected(_run.Id, 0) with { Fitness = 1, Feasible = true }, "has no fitness"),
            (evaluated with { CostUsd = -0.5 }, "finite amount"),
            (evaluated with { CostUsd = double.PositiveInfinity }, "finite amount"),
            (evaluated with { InputTokens = -1 }, "token counts"),
            (evaluated with { Generator = null }, "no generator"),
            (evaluated with { FailureKind = null, FailureMessage = "boom" }, "without a failure kind"),
            (evaluated with { Index = -1 }, "negative"),
            (evaluated with { Status = (TrialRecordStatus)9 }, "status 9"),
            (evaluated with { RequestDigest = "" }, "request digest"),
            (evaluated with { Label = "two\nlines" }, "control characters"),
            (evaluated with { EvaluationId = "nope" }, "evaluation id"),
            (evaluated with { RunId = new RunId("not-a-digest") }, "run id must be"),
            (RunSamples.Rejected(_run.Id, 0, message: new string('x', WorkspaceLimits.MaxTrialMessageBytes + 1)), "over the limit"),
        };

        foreach (var (trial, phrase) in cases)
        {
            var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertTrial(trial), phrase);
            StringAssert.Contains(error.Message, phrase);
            StringAssert.Contains(error.Message, "Nothing was written.");
        }
        Assert.IsEmpty(_store.ListTrials(_run.Id));
    }

    [TestMethod]
    public void InsertTrial_AfterReopen_ContinuesTheStoredLog()
    {
        TrialRecord[] logged = [RunSamples.Evaluated(_run.Id, 0, _sample.Root), RunSamples.Rejected(_run.Id, 1)];
        foreach (var trial in logged)
        {
            _store.InsertTrial(trial);
        }
        var workspaces = _store.ListWorkspaces();
        _store.Dispose();

        _store = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));
        var replayed = _store.InsertTrial(logged[1]);
        var resumed = _store.InsertTrial(RunSamples.Duplicate(_run.Id, 2, _sample.Child));

        Assert.IsTrue(replayed.AlreadyExisted);
        Assert.IsTrue(resumed.Added);
        Assert.AreEqual(_run, _store.GetRun(_run.Id));
        CollectionAssert.AreEqual(new[] { _run }, _store.ListRuns(Samples.Spec).ToArray());
        CollectionAssert.AreEqual(workspaces.ToArray(), _store.ListWorkspaces().ToArray());
        CollectionAssert.AreEqual(logged.Append(resumed.Record).ToArray(), _store.ListTrials(_run.Id).ToArray());
    }

    [TestMethod]
    public void InsertTrial_TwoStoresOnOneFile_OnlyOneTrialPerIndexWins()
    {
        using var other = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));
        _store.InsertTrial(RunSamples.Evaluated(_run.Id, 0, _sample.Root));

        Assert.ThrowsExactly<WorkspaceConflictException>(() => other.InsertTrial(RunSamples.Rejected(_run.Id, 0)));
        Assert.IsTrue(other.InsertTrial(RunSamples.Evaluated(_run.Id, 0, _sample.Root)).AlreadyExisted);
        Assert.IsTrue(other.InsertTrial(RunSamples.Rejected(_run.Id, 1)).Added);
        Assert.ThrowsExactly<WorkspaceConflictException>(() => _store.InsertTrial(RunSamples.Rejected(_run.Id, 1) with { FailureKind = "other" }));
        CollectionAssert.AreEqual(_store.ListTrials(_run.Id).ToArray(), other.ListTrials(_run.Id).ToArray());
        Assert.HasCount(2, _store.ListTrials(_run.Id));
    }
}
