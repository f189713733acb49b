using Sigil.Core.Identity;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Store;

[TestClass]
public sealed class LiteDbWorkspaceStoreTests
{
    private TempDirectory _directory = null!;
    private LiteDbWorkspaceStore _store = null!;

    [TestInitialize]
    public void Initialize()
    {
        _directory = new TempDirectory();
        _store = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));
    }

    [TestCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [TestMethod]
    public void Open_NewDirectory_CreatesWorkspaceDbInIt()
    {
        Assert.AreEqual(Path.Combine(_directory.File(".sigil"), "workspace.db"), _store.DatabasePath);
        Assert.IsTrue(File.Exists(_store.DatabasePath));
        Assert.AreEqual(_store.DatabasePath, _store.Location);
        Assert.IsEmpty(_store.ListWorkspaces());
    }

    [TestMethod]
    public void InsertCandidate_NewCandidate_RoundTripsEveryField()
    {
        var candidate = Samples.Candidate("return checked(a + b);", summary: "Checked addition.");

        var result = _store.InsertCandidate(candidate);

        Assert.IsTrue(result.Added);
        Assert.AreEqual(candidate, result.Record);
        var stored = _store.GetCandidate(candidate.Id);
        Assert.AreEqual(candidate, stored);
        Assert.AreEqual("Checked addition.", stored!.Summary);
        Assert.AreEqual("16", stored.Provenance.OptimizerParameters["population"]);
        Assert.AreEqual(TimeSpan.Zero, stored.CreatedAt.Offset);
        Assert.IsTrue(stored.IsRootedAtBaseline);
    }

    [TestMethod]
    public void InsertCandidate_SameContentTwice_IsNoOpReturningSameId()
    {
        var candidate = Samples.Candidate("return checked(a + b);");
        _store.InsertCandidate(candidate);
        var hash = StoreSnapshot.FileHash(_store.DatabasePath);

        var again = _store.InsertCandidate(Samples.Candidate("return checked(a + b);"));

        Assert.IsTrue(again.AlreadyExisted);
        Assert.AreEqual(candidate.Id, again.Record.Id);
        Assert.HasCount(1, _store.ListCandidates(Samples.Spec));
        Assert.AreEqual(hash, StoreSnapshot.FileHash(_store.DatabasePath));
    }

    [TestMethod]
    public void InsertCandidate_SameIdSameWorkspaceOtherMetadata_KeepsFirstWrite()
    {
        var first = Samples.Candidate("return checked(a + b);", summary: "first");
        _store.InsertCandidate(first);
        var hash = StoreSnapshot.FileHash(_store.DatabasePath);
        var second = first with { Summary = "second", Provenance = Samples.Provenance("other-model", 1), CreatedAt = Samples.Epoch.AddDays(1) };

        var result = _store.InsertCandidate(second);

        Assert.IsTrue(result.AlreadyExisted);
        Assert.AreEqual(first, result.Record);
        Assert.AreEqual(first, _store.GetCandidate(first.Id));
        CollectionAssert.AreEqual(new[] { first }, _store.ListCandidates(Samples.Spec, Samples.Workspace).ToArray());
        Assert.AreEqual(hash, StoreSnapshot.FileHash(_store.DatabasePath));
    }

    [TestMethod]
    public void InsertCandidate_IdDoesNotMatchContent_IsRejectedAndNothingWritten()
    {
        var candidate = Samples.Candidate("return checked(a + b);");
        var forged = candidate with { Diff = candidate.Diff.Replace("checked", "unchecked", StringComparison.Ordinal) };

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertCandidate(forged));

        StringAssert.Contains(error.Message, candidate.Id.ToString());
        StringAssert.Contains(error.Message, "does not match its content");
        StringAssert.Contains(error.Message, forged.ComputeId().ToString());
        Assert.IsNull(_store.GetCandidate(candidate.Id));
        Assert.IsEmpty(_store.ListWorkspaces());
    }

    [TestMethod]
    public void InsertCandidate_UnknownParent_IsRejectedWithClearMessage()
    {
        var parent = Samples.Candidate("return checked(a + b);");
        var child = Samples.Candidate("return b + a;", parent, "return checked(a + b);");

        var error = Assert.ThrowsExactly<WorkspaceReferenceException>(() => _store.InsertCandidate(child));

        StringAssert.Contains(error.Message, parent.Id.ToString());
        StringAssert.Contains(error.Message, "Insert the parent first");
        StringAssert.Contains(error.Message, _store.DatabasePath);
        Assert.IsNull(_store.GetCandidate(child.Id));
    }

    [TestMethod]
    public void InsertCandidate_ParentOfAnotherFunction_IsRejected()
    {
        var parent = Samples.Candidate("return checked(a + b);");
        _store.InsertCandidate(parent);
        var orphan = Samples.Candidate("return b + a;", parent, "return checked(a + b);", function: Samples.Function("Calc.Sub(int,int)"));

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertCandidate(orphan));

        StringAssert.Contains(error.Message, "same function");
    }

    [TestMethod]
    public void InsertCandidate_InvalidNamesOrEmptyDiff_AreRejected()
    {
        var candidate = Samples.Candidate("return checked(a + b);");

        var badSpec = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertCandidate(candidate with { Spec = "../up" }));
        var badWorkspace = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertCandidate(candidate with { Workspace = "v1\n" }));
        var empty = CandidateRecord.Create(Samples.Function(), Samples.Spec, Samples.Workspace, null, "", "sigil-ast-patch/v1\n", Samples.Provenance(), Samples.Epoch);
        var emptyError = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertCandidate(empty));

        StringAssert.Contains(badSpec.Message, "spec name '../up' is not valid");
        StringAssert.Contains(badWorkspace.Message, "workspace name");
        StringAssert.Contains(emptyError.Message, "empty diff");
        Assert.IsEmpty(_store.ListWorkspaces());
    }

    [TestMethod]
    public void Children_OfBaselineAndOfCandidates_FollowTheTree()
    {
        var sample = Samples.Populate(_store);

        var roots = _store.Children(Samples.Function());
        var children = _store.Children(sample.Root.Id);
        var grandchildren = _store.Children(sample.Child.Id);

        CollectionAssert.AreEqual(new[] { sample.Root, sample.OtherRoot, sample.OtherWorkspace }, roots.ToArray());
        CollectionAssert.AreEqual(new[] { sample.Child }, children.ToArray());
        CollectionAssert.AreEqual(new[] { sample.Grandchild }, grandchildren.ToArray());
        Assert.IsEmpty(_store.Children(sample.Grandchild.Id));
        Assert.IsEmpty(_store.Children(Samples.Function("Calc.Sub(int,int)")));
        Assert.AreEqual(sample.Child.Id, _store.GetCandidate(sample.Grandchild.Id)!.Parent);
    }

    [TestMethod]
    public void ListCandidates_BySpecAndWorkspace_FiltersAndOrdersByCreation()
    {
        var sample = Samples.Populate(_store);

        var v1 = _store.ListCandidates(Samples.Spec, "v1");
        var all = _store.ListCandidates(Samples.Spec);

        CollectionAssert.AreEqual(new[] { sample.Root, sample.Child, sample.Grandchild, sample.OtherRoot }, v1.ToArray());
        CollectionAssert.AreEqual(sample.All.ToArray(), all.ToArray());
        Assert.IsEmpty(_store.ListCandidates("other-spec"));
        Assert.ThrowsExactly<ArgumentException>(() => _store.ListCandidates("bad spec"));
    }

    [TestMethod]
    public void ListWorkspaces_AfterInserts_CountsCandidatesPerWorkspace()
    {
        Samples.Populate(_store);
        _store.InsertCandidate(Samples.Candidate("return a + b + 0;", spec: "perf", workspace: "main"));

        var workspaces = _store.ListWorkspaces();

        CollectionAssert.AreEqual(
            new[] { new WorkspaceSummary("perf", "main", 1), new WorkspaceSummary("quickstart", "v1", 4), new WorkspaceSummary("quickstart", "v2", 1) },
            workspaces.ToArray());
    }

    [TestMethod]
    public void InsertEvaluation_ManyPerCandidate_RoundTripInOrder()
    {
        var candidate = Samples.Candidate("return checked(a + b);");
        _store.InsertCandidate(candidate);
        var accuracy = Samples.Evaluation(candidate.Id, 0.999, minute: 1);
        var failed = Samples.Evaluation(candidate.Id, double.NaN, "fuzz", minute: 2, correct: false);
        var extreme = EvaluationRecord.Create(candidate.Id, "latency", "1", "b3:" + new string('0', 64),
            new Dictionary<string, double> { ["inf"] = double.PositiveInfinity, ["neg_zero"] = -0.0, ["tiny"] = double.Epsilon, ["big"] = 1e300 },
            true, null, Samples.Epoch.AddMinutes(3));

        Assert.IsTrue(_store.InsertEvaluation(failed).Added);
        Assert.IsTrue(_store.InsertEvaluation(accuracy).Added);
        Assert.IsTrue(_store.InsertEvaluation(extreme).Added);

        var stored = _store.ListEvaluations(candidate.Id);
        CollectionAssert.AreEqual(new[] { accuracy, failed, extreme }, stored.ToArray());
        Assert.AreEqual("assertion", stored[1].ErrorClass);
        Assert.IsTrue(double.IsNaN(stored[1].Metrics["accuracy"]));
        Assert.IsTrue(double.IsNegative(stored[2].Metrics["neg_zero"]));
        Assert.AreEqual(stored[2].Id, stored[2].ComputeId());
    }

    [TestMethod]
    public void ListEvaluations_ManyCandidates_EachAsListedAlone_EmptyForNone_AcrossBatches()
    {
        var candidates = Enumerable.Range(0, EvaluationStore.Batch + 3).Select(i => Samples.Candidate($"return checked(a + b + {i});")).ToList();
        foreach (var candidate in candidates)
        {
            _store.InsertCandidate(candidate);
        }
        for (var i = 0; i < candidates.Count; i += 2) // every other candidate has evaluations, the last batch's too
        {
            _store.InsertEvaluation(Samples.Evaluation(candidates[i].Id, 0.5, minute: 2));
            _store.InsertEvaluation(Samples.Evaluation(candidates[i].Id, 0.9, "fuzz", minute: 1));
        }
        var unknown = new CandidateId(new string('f', 64));
        var asked = candidates.Select(c => c.Id).Append(candidates[0].Id).Append(unknown).ToList();

        var batch = _store.ListEvaluations(asked);

        Assert.HasCount(candidates.Count + 1, batch, "every distinct candidate asked for, once");
        foreach (var candidate in candidates)
        {
            CollectionAssert.AreEqual(_store.ListEvaluations(candidate.Id).ToArray(), batch[candidate.Id].ToArray(), candidate.Id.ToString());
        }
        Assert.HasCount(2, batch[candidates[^1].Id], "a candidate of the second query has its evaluations");
        Assert.AreEqual("fuzz", batch[candidates[0].Id][0].Evaluator, "ordered by creation time");
        Assert.IsEmpty(batch[candidates[1].Id]);
        Assert.IsEmpty(batch[unknown]);
        Assert.IsEmpty(_store.ListEvaluations(Array.Empty<CandidateId>()));
        Assert.ThrowsExactly<ArgumentException>(() => _store.ListEvaluations([candidates[0].Id, null!]));
    }

    [TestMethod]
    public void InsertEvaluation_SameRecordTwice_IsNoOp()
    {
        var candidate = Samples.Candidate("return checked(a + b);");
        _store.InsertCandidate(candidate);
        var evaluation = Samples.Evaluation(candidate.Id, 1.0);
        _store.InsertEvaluation(evaluation);

        var again = _store.InsertEvaluation(Samples.Evaluation(candidate.Id, 1.0));

        Assert.IsTrue(again.AlreadyExisted);
        Assert.AreEqual(evaluation, again.Record);
        Assert.HasCount(1, _store.ListEvaluations(candidate.Id));
    }

    [TestMethod]
    public void InsertEvaluation_IdDoesNotMatchContent_IsRejected()
    {
        var candidate = Samples.Candidate("return checked(a + b);");
        _store.InsertCandidate(candidate);
        var evaluation = Samples.Evaluation(candidate.Id, 0.5);
        var forged = evaluation with { Metrics = new Dictionary<string, double> { ["accuracy"] = 1.0 } };

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertEvaluation(forged));

        StringAssert.Contains(error.Message, evaluation.Id);
        StringAssert.Contains(error.Message, "does not match its content");
        Assert.IsEmpty(_store.ListEvaluations(candidate.Id));
    }

    [TestMethod]
    public void InsertEvaluation_UnknownCandidate_IsRejected()
    {
        var candidate = Samples.Candidate("return checked(a + b);");

        var error = Assert.ThrowsExactly<WorkspaceReferenceException>(() => _store.InsertEvaluation(Samples.Evaluation(candidate.Id, 1.0)));

        StringAssert.Contains(error.Message, candidate.Id.ToString());
        StringAssert.Contains(error.Message, "Insert the candidate first");
    }

    [TestMethod]
    public void PutArtifact_NewBlob_RoundTripsAndIsListed()
    {
        var candidate = Samples.Candidate("return checked(a + b);");
        _store.InsertCandidate(candidate);
        var bytes = Enumerable.Range(0, 1_000_000).Select(i => (byte)(i % 251)).ToArray();

        var result = _store.PutArtifact(candidate.Id, "profile.bin", bytes);
        _store.PutArtifact(candidate.Id, "a.log", "log"u8);

        Assert.IsTrue(result.Added);
        Assert.AreEqual("b3:" + Sigil.Core.Hashing.Blake3Digest.Hex(bytes), result.Record.Digest);
        Assert.AreEqual(bytes.LongLength, result.Record.Length);
        CollectionAssert.AreEqual(bytes, _store.GetArtifact(result.Record.Digest));
        CollectionAssert.AreEqual(new[] { "a.log", "profile.bin" }, _store.ListArtifacts(candidate.Id).Select(a => a.Name).ToArray());
    }

    [TestMethod]
    public void PutArtifact_SameNameSameBytes_IsNoOpAndBlobIsShared()
    {
        var first = Samples.Candidate("return checked(a + b);");
        var second = Samples.Candidate("return b + a;");
        _store.InsertCandidate(first);
        _store.InsertCandidate(second);
        _store.PutArtifact(first.Id, "out.log", "same"u8);

        var again = _store.PutArtifact(first.Id, "out.log", "same"u8);
        var shared = _store.PutArtifact(second.Id, "copy.log", "same"u8);

        Assert.IsTrue(again.AlreadyExisted);
        Assert.IsTrue(shared.Added);
        Assert.AreEqual(again.Record.Digest, shared.Record.Digest);
        Assert.HasCount(1, _store.ListArtifacts(first.Id));
    }

    [TestMethod]
    public void PutArtifact_SameNameOtherBytes_IsRejectedAndFirstKept()
    {
        var candidate = Samples.Candidate("return checked(a + b);");
        _store.InsertCandidate(candidate);
        var first = _store.PutArtifact(candidate.Id, "out.log", "first"u8).Record;

        var error = Assert.ThrowsExactly<WorkspaceConflictException>(() => _store.PutArtifact(candidate.Id, "out.log", "second"u8));

        StringAssert.Contains(error.Message, "out.log");
        StringAssert.Contains(error.Message, "immutable");
        Assert.AreEqual(first, _store.ListArtifacts(candidate.Id).Single());
        CollectionAssert.AreEqual("first"u8.ToArray(), _store.GetArtifact(first.Digest));
    }

    [TestMethod]
    public void PutArtifact_UnknownCandidateOrBadName_IsRejected()
    {
        var candidate = Samples.Candidate("return checked(a + b);");

        Assert.ThrowsExactly<WorkspaceReferenceException>(() => _store.PutArtifact(candidate.Id, "x", "x"u8));
        _store.InsertCandidate(candidate);
        Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.PutArtifact(candidate.Id, "", "x"u8));
        Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.PutArtifact(candidate.Id, "line\nbreak", "x"u8));
        Assert.IsEmpty(_store.ListArtifacts(candidate.Id));
    }

    [TestMethod]
    public void GetArtifact_UnknownOrMalformedDigest_ReturnsNullOrThrows()
    {
        Assert.IsNull(_store.GetArtifact("b3:" + new string('a', 64)));
        Assert.ThrowsExactly<ArgumentException>(() => _store.GetArtifact("sha256:abc"));
    }

    [TestMethod]
    public void InsertBatch_ChildrenBeforeParents_InsertsAllAndCounts()
    {
        var root = Samples.Candidate("return checked(a + b);");
        var child = Samples.Candidate("return unchecked(a + b);", root, "return checked(a + b);");
        var grandchild = Samples.Candidate("return b + a;", child, "return unchecked(a + b);");
        _store.InsertCandidate(root);

        var result = _store.InsertBatch(new WorkspaceBatch
        {
            Candidates = [grandchild, child, root],
            Evaluations = [Samples.Evaluation(grandchild.Id, 1.0)],
            Artifacts = [new ArtifactUpload(child.Id, "log", "x"u8.ToArray())],
        });

        Assert.AreEqual(new BatchInsertResult(2, 1, 1, 0, 1, 0), result);
        Assert.AreEqual(grandchild, _store.GetCandidate(grandchild.Id));
    }

    [TestMethod]
    public void InsertBatch_SameCandidateTwice_CountsTheSecondAsPresent()
    {
        var root = Samples.Candidate("return checked(a + b);");

        var result = _store.InsertBatch(new WorkspaceBatch { Candidates = [root, root, root with { Summary = "other" }] });

        Assert.AreEqual(new BatchInsertResult(1, 2, 0, 0, 0, 0), result);
        Assert.AreEqual(root, _store.GetCandidate(root.Id));
    }

    [TestMethod]
    public void InsertBatch_ParentCycle_IsRejectedAndNothingWritten()
    {
        var first = Samples.Candidate("return checked(a + b);");
        var second = Samples.Candidate("return b + a;");
        var loopA = first with { Parent = second.Id };
        var loopB = second with { Parent = first.Id };

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertBatch(new WorkspaceBatch { Candidates = [loopA, loopB] }));

        StringAssert.Contains(error.Message, "its own ancestor");
        Assert.IsEmpty(_store.ListWorkspaces());
    }

    [TestMethod]
    public void InsertBatch_OneBadReferenceAtTheEnd_WritesNothing()
    {
        Samples.Populate(_store);
        var listing = StoreSnapshot.Listing(_store);
        var fresh = Samples.Candidate("return a + b + 1;");
        var stranger = Samples.Candidate("return a + b + 2;");

        Assert.ThrowsExactly<WorkspaceReferenceException>(() => _store.InsertBatch(new WorkspaceBatch
        {
            Candidates = [fresh],
            Evaluations = [Samples.Evaluation(fresh.Id, 1.0)],
            Artifacts = [new ArtifactUpload(fresh.Id, "ok", "ok"u8.ToArray()), new ArtifactUpload(stranger.Id, "bad", "bad"u8.ToArray())],
        }));

        Assert.IsNull(_store.GetCandidate(fresh.Id));
        Assert.AreEqual(listing, StoreSnapshot.Listing(_store));
    }

    [TestMethod]
    public void Reopen_AfterDispose_DataSurvives()
    {
        Samples.Populate(_store);
        var listing = StoreSnapshot.Listing(_store);
        _store.Dispose();

        _store = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));

        Assert.AreEqual(listing, StoreSnapshot.Listing(_store));
    }

    [TestMethod]
    public void TwoInstances_SameFile_SeeEachOthersWrites()
    {
        using var other = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));
        var first = Samples.Candidate("return checked(a + b);");
        var second = Samples.Candidate("return b + a;", first, "return checked(a + b);");

        _store.InsertCandidate(first);
        other.InsertCandidate(second);
        other.InsertEvaluation(Samples.Evaluation(first.Id, 1.0));
        _store.PutArtifact(second.Id, "log", "hi"u8);

        Assert.AreEqual(second, _store.GetCandidate(second.Id));
        Assert.HasCount(1, _store.ListEvaluations(first.Id));
        Assert.AreEqual(first, other.GetCandidate(first.Id));
        CollectionAssert.AreEqual("hi"u8.ToArray(), other.GetArtifact(other.ListArtifacts(second.Id).Single().Digest));
        Assert.AreEqual(StoreSnapshot.Listing(_store), StoreSnapshot.Listing(other));
    }

    [TestMethod]
    public void TwoInstances_ConcurrentWriters_AllWritesLand()
    {
        using var other = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));
        var stores = new IWorkspaceStore[] { _store, other };

        Parallel.For(0, 40, i => stores[i % 2].InsertCandidate(Samples.Candidate($"return a + b + {i};", minute: i)));

        Assert.HasCount(40, _store.ListCandidates(Samples.Spec, Samples.Workspace));
        Assert.HasCount(40, other.ListCandidates(Samples.Spec, Samples.Workspace));
    }

    [TestMethod]
    public void Open_CorruptFile_ThrowsNamingTheFileAndWhatToDo()
    {
        using var directory = new TempDirectory();
        var path = directory.File("workspace.db");
        File.WriteAllBytes(path, Enumerable.Repeat((byte)'x', 32_768).ToArray());

        var error = Assert.ThrowsExactly<WorkspaceDatabaseException>(() => LiteDbWorkspaceStore.Open(directory.Path));

        Assert.AreEqual(path, error.DatabasePath);
        StringAssert.Contains(error.Message, path);
        StringAssert.Contains(error.Message, "corrupt");
        StringAssert.Contains(error.Message, "Move it aside");
    }

    [TestMethod]
    public void Dispose_Twice_IsSafeAndLaterCallsThrow()
    {
        _store.Dispose();
        _store.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => _store.ListWorkspaces());
    }
}
