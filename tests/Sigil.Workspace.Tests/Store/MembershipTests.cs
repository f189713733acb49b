using Sigil.Core.Identity;
using Sigil.Workspace.Archive;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;
using Sigil.Workspace.Tests.Archive;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Store;

/// <summary>
/// Workspaces are like branches: the same candidate content rediscovered in another spec or workspace is listed
/// there with that scope's own provenance, while the content is stored once and never changes.
/// </summary>
[TestClass]
public sealed class MembershipTests
{
    private const string Body = "return checked(a + b);";

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

    private static CandidateRecord InV1() => Samples.Candidate(Body, minute: 1, summary: "found in v1");

    private static CandidateRecord InV2() =>
        Samples.Candidate(Body, workspace: "v2", minute: 30, summary: "found in v2", provenance: new Provenance { GeneratorKind = "heuristic", Optimizer = "best-of-n" });

    [TestMethod]
    public void InsertCandidate_SameContentInSecondWorkspace_ListedInBothWithOwnProvenance()
    {
        var v1 = InV1();
        var v2 = InV2();
        _store.InsertCandidate(v1);

        var result = _store.InsertCandidate(v2);

        Assert.AreEqual(v1.Id, v2.Id);
        Assert.IsTrue(result.Added);
        Assert.AreEqual(v2, result.Record);
        CollectionAssert.AreEqual(new[] { v1 }, _store.ListCandidates(Samples.Spec, "v1").ToArray());
        CollectionAssert.AreEqual(new[] { v2 }, _store.ListCandidates(Samples.Spec, "v2").ToArray());
        Assert.AreEqual("heuristic", _store.ListCandidates(Samples.Spec, "v2").Single().Provenance.GeneratorKind);
        Assert.AreEqual("llm", _store.ListCandidates(Samples.Spec, "v1").Single().Provenance.GeneratorKind);
        Assert.AreEqual(v1, _store.GetCandidate(v1.Id), "GetCandidate returns the original record.");
        CollectionAssert.AreEqual(new[] { v1, v2 }, _store.ListMemberships(v1.Id).ToArray());
    }

    [TestMethod]
    public void InsertCandidate_SameContentInSecondWorkspace_ContentIsStoredOnce()
    {
        _store.InsertCandidate(InV1());
        _store.InsertCandidate(InV2());
        var archive = _directory.File("all.tar.gz");

        var export = WorkspaceArchive.Export(_store, archive);

        CollectionAssert.AreEqual(new[] { InV1() }, _store.Children(Samples.Function()).ToArray());
        Assert.AreEqual(1, export.Candidates, "one candidate entry: the content");
        Assert.AreEqual(1, export.Memberships, "one membership entry: v2");
        Assert.HasCount(1, ArchiveCrafter.Read(archive).Where(e => e.Name.StartsWith("candidates/", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void InsertCandidate_ReinsertIntoSecondWorkspace_IsNoOpKeepingItsFirstMembership()
    {
        var v2 = InV2();
        _store.InsertCandidate(InV1());
        _store.InsertCandidate(v2);
        var hash = StoreSnapshot.FileHash(_store.DatabasePath);

        var again = _store.InsertCandidate(v2 with { Summary = "rediscovered", Provenance = Samples.Provenance("other-model", 7), CreatedAt = Samples.Epoch.AddDays(2) });

        Assert.IsTrue(again.AlreadyExisted);
        Assert.AreEqual(v2, again.Record);
        CollectionAssert.AreEqual(new[] { v2 }, _store.ListCandidates(Samples.Spec, "v2").ToArray());
        Assert.AreEqual(hash, StoreSnapshot.FileHash(_store.DatabasePath));
    }

    [TestMethod]
    public void InsertCandidate_ReinsertIntoOriginalWorkspace_IsNoOp()
    {
        var v1 = InV1();
        _store.InsertCandidate(v1);
        _store.InsertCandidate(InV2());
        var hash = StoreSnapshot.FileHash(_store.DatabasePath);

        var again = _store.InsertCandidate(v1 with { Summary = "again" });

        Assert.IsTrue(again.AlreadyExisted);
        Assert.AreEqual(v1, again.Record);
        Assert.AreEqual(hash, StoreSnapshot.FileHash(_store.DatabasePath));
    }

    [TestMethod]
    public void InsertCandidate_SameContentUnderAnotherSpec_IsListedInThatSpecOnly()
    {
        var quickstart = InV1();
        var perf = Samples.Candidate(Body, spec: "perf", workspace: "main", minute: 9, summary: "perf run");
        _store.InsertCandidate(quickstart);

        var result = _store.InsertCandidate(perf);

        Assert.IsTrue(result.Added);
        CollectionAssert.AreEqual(new[] { perf }, _store.ListCandidates("perf").ToArray());
        CollectionAssert.AreEqual(new[] { perf }, _store.ListCandidates("perf", "main").ToArray());
        CollectionAssert.AreEqual(new[] { quickstart }, _store.ListCandidates(Samples.Spec).ToArray());
        Assert.AreEqual(quickstart, _store.GetCandidate(quickstart.Id));
    }

    [TestMethod]
    public void InsertCandidate_MembershipOfferingOtherParent_KeepsStoredParentAndFunction()
    {
        var root = Samples.Candidate("return b + a;", minute: 0);
        var child = Samples.Candidate(Body, root, "return b + a;", minute: 1);
        _store.InsertCandidate(root);
        _store.InsertCandidate(child);
        var unknownParent = new CandidateId(new string('9', 64));

        var result = _store.InsertCandidate(child with { Workspace = "v2", Parent = unknownParent, FunctionId = Samples.Function("Calc.Sub(int,int)") });

        Assert.IsTrue(result.Added);
        Assert.AreEqual(root.Id, result.Record.Parent);
        Assert.AreEqual(Samples.Function(), result.Record.FunctionId);
        Assert.AreEqual(child with { Workspace = "v2" }, _store.ListCandidates(Samples.Spec, "v2").Single());
    }

    [TestMethod]
    public void InsertCandidate_ParentOnlyInAnotherWorkspace_IsAccepted()
    {
        var root = Samples.Candidate("return b + a;");
        var child = Samples.Candidate(Body, root, "return b + a;", workspace: "v2", minute: 1);
        _store.InsertCandidate(root);

        var result = _store.InsertCandidate(child);

        Assert.IsTrue(result.Added);
        CollectionAssert.AreEqual(new[] { child }, _store.ListCandidates(Samples.Spec, "v2").ToArray());
        CollectionAssert.AreEqual(new[] { child }, _store.Children(root.Id).ToArray());
    }

    [TestMethod]
    public void ListCandidates_WholeSpec_ListsOncePerMembershipInOrder()
    {
        var v1 = InV1();
        var v2 = InV2();
        var other = Samples.Candidate("return a - -b;", workspace: "v2", minute: 5);
        _store.InsertCandidate(v1);
        _store.InsertCandidate(v2);
        _store.InsertCandidate(other);

        var all = _store.ListCandidates(Samples.Spec);

        CollectionAssert.AreEqual(new[] { v1, other, v2 }, all.ToArray());
    }

    [TestMethod]
    public void ListCandidates_SameIdAndTimeInTwoWorkspaces_OrdersByWorkspace()
    {
        var v1 = InV1();
        var v2 = v1 with { Workspace = "v2", Summary = "same minute" };
        _store.InsertCandidate(v2);
        _store.InsertCandidate(v1);

        CollectionAssert.AreEqual(new[] { v1, v2 }, _store.ListCandidates(Samples.Spec).ToArray());
        CollectionAssert.AreEqual(new[] { v1, v2 }, _store.ListMemberships(v1.Id).ToArray());
        Assert.AreEqual(v2, _store.GetCandidate(v1.Id), "the first write is the original record");
    }

    [TestMethod]
    public void ListWorkspaces_WithSharedCandidates_CountsMemberships()
    {
        var sample = Samples.Populate(_store);
        _store.InsertCandidate(sample.Root with { Workspace = "v2", Summary = "v2 too" });
        _store.InsertCandidate(sample.Child with { Workspace = "v2", Summary = "v2 too" });
        _store.InsertCandidate(sample.Root with { Spec = "perf", Workspace = "main" });

        var workspaces = _store.ListWorkspaces();

        CollectionAssert.AreEqual(
            new[] { new WorkspaceSummary("perf", "main", 1), new WorkspaceSummary("quickstart", "v1", 4), new WorkspaceSummary("quickstart", "v2", 3) },
            workspaces.ToArray());
    }

    [TestMethod]
    public void TreeQueries_WithMemberships_ListEachCandidateOnceAsOriginal()
    {
        var sample = Samples.Populate(_store);
        var roots = _store.Children(Samples.Function());
        var children = _store.Children(sample.Root.Id);
        _store.InsertCandidate(sample.Root with { Workspace = "v2", Summary = "v2 too", CreatedAt = Samples.Epoch });
        _store.InsertCandidate(sample.Child with { Workspace = "v3", Summary = "v3 too" });
        _store.InsertCandidate(sample.Child with { Spec = "perf", Workspace = "main" });

        CollectionAssert.AreEqual(roots.ToArray(), _store.Children(Samples.Function()).ToArray());
        CollectionAssert.AreEqual(children.ToArray(), _store.Children(sample.Root.Id).ToArray());
        CollectionAssert.AreEqual(new[] { sample.Grandchild }, _store.Children(sample.Child.Id).ToArray());
        Assert.AreEqual(sample.Child, _store.GetCandidate(sample.Child.Id));
    }

    [TestMethod]
    public void EvaluationsAndArtifacts_BelongToTheCandidate_SeenFromEveryMembership()
    {
        var sample = Samples.Populate(_store);
        var evaluations = _store.ListEvaluations(sample.Root.Id);
        var artifacts = _store.ListArtifacts(sample.Root.Id);

        var member = _store.InsertCandidate(sample.Root with { Workspace = "v2" }).Record;

        CollectionAssert.AreEqual(evaluations.ToArray(), _store.ListEvaluations(member.Id).ToArray());
        CollectionAssert.AreEqual(artifacts.ToArray(), _store.ListArtifacts(member.Id).ToArray());
    }

    [TestMethod]
    public void ListMemberships_UnknownCandidate_IsEmpty()
    {
        Assert.IsEmpty(_store.ListMemberships(InV1().Id));
    }

    [TestMethod]
    public void InsertBatch_SameCandidateInTwoWorkspaces_AddsContentThenMembership()
    {
        var v1 = InV1();
        var v2 = InV2();

        var result = _store.InsertBatch(new WorkspaceBatch { Candidates = [v1, v2, v2 with { Summary = "dup" }] });

        Assert.AreEqual(new BatchInsertResult(2, 1, 0, 0, 0, 0) { CandidatesReused = 1 }, result);
        Assert.AreEqual(v1, _store.GetCandidate(v1.Id));
        CollectionAssert.AreEqual(new[] { v2 }, _store.ListCandidates(Samples.Spec, "v2").ToArray());
    }

    [TestMethod]
    public void InsertBatch_MembershipThenFailingRecord_WritesNothing()
    {
        _store.InsertCandidate(InV1());
        var listing = StoreSnapshot.Listing(_store);
        var stranger = Samples.Candidate("return a + b + 2;");

        Assert.ThrowsExactly<WorkspaceReferenceException>(() => _store.InsertBatch(new WorkspaceBatch
        {
            Candidates = [InV2()],
            Evaluations = [Samples.Evaluation(stranger.Id, 1.0)],
        }));

        Assert.IsEmpty(_store.ListCandidates(Samples.Spec, "v2"));
        Assert.AreEqual(listing, StoreSnapshot.Listing(_store));
    }

    [TestMethod]
    public void Reopen_WithMemberships_TheySurvive()
    {
        _store.InsertCandidate(InV1());
        _store.InsertCandidate(InV2());
        var listing = StoreSnapshot.Listing(_store);
        _store.Dispose();

        _store = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));

        Assert.AreEqual(listing, StoreSnapshot.Listing(_store));
        CollectionAssert.AreEqual(new[] { InV2() }, _store.ListCandidates(Samples.Spec, "v2").ToArray());
    }

    [TestMethod]
    public void TwoInstances_SameMembershipConcurrently_OneAddsOneFindsIt()
    {
        using var other = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));
        _store.InsertCandidate(InV1());
        var stores = new IWorkspaceStore[] { _store, other };

        var results = new InsertResult<CandidateRecord>[8];
        Parallel.For(0, results.Length, i => results[i] = stores[i % 2].InsertCandidate(InV2() with { Summary = $"writer {i}" }));

        Assert.AreEqual(1, results.Count(r => r.Added));
        Assert.HasCount(1, _store.ListCandidates(Samples.Spec, "v2"));
        Assert.IsTrue(results.All(r => r.Record == _store.ListCandidates(Samples.Spec, "v2").Single()));
    }
}
