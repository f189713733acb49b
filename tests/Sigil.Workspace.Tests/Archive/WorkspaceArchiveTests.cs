using Sigil.Core.Hashing;
using Sigil.Workspace.Archive;
using Sigil.Workspace.Model;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Archive;

[TestClass]
public sealed class WorkspaceArchiveTests
{
    private ArchiveFixture _fixture = null!;

    [TestInitialize]
    public void Initialize() => _fixture = new ArchiveFixture();

    [TestCleanup]
    public void Cleanup() => _fixture.Dispose();

    [TestMethod]
    public void Export_PopulatedWorkspace_WritesSortedEntriesWithManifestFirst()
    {
        var names = ArchiveCrafter.Read(_fixture.ArchivePath).Select(e => e.Name).ToList();

        Assert.AreEqual(new ArchiveExportResult(_fixture.ArchivePath, 5, 4, 3, 4, _fixture.Export.ManifestDigest), _fixture.Export);
        Assert.AreEqual("manifest.json", names[0]);
        CollectionAssert.AreEqual(names.Skip(1).Order(StringComparer.Ordinal).ToList(), names.Skip(1).ToList());
        Assert.AreEqual(1 + 5 + 4 + 3, names.Count);
        CollectionAssert.Contains(names, $"candidates/{_fixture.Sample.Grandchild.Id.Digest}.json");
        var manifest = ArchiveCrafter.Read(_fixture.ArchivePath)[0].Data;
        Assert.AreEqual("b3:" + Blake3Digest.Hex(manifest), _fixture.Export.ManifestDigest);
    }

    [TestMethod]
    public void Export_SameContentTwice_IsByteIdentical()
    {
        var second = _fixture.PathFor("second.tar.gz");

        var result = WorkspaceArchive.Export(_fixture.Source, second);

        Assert.AreEqual(_fixture.Export.ManifestDigest, result.ManifestDigest);
        CollectionAssert.AreEqual(File.ReadAllBytes(_fixture.ArchivePath), File.ReadAllBytes(second));
    }

    [TestMethod]
    public void Import_IntoEmptyWorkspace_RoundTripsEverything()
    {
        using var empty = _fixture.OpenEmpty("empty");

        var result = WorkspaceArchive.Import(empty, _fixture.ArchivePath);

        Assert.AreEqual(new BatchInsertResult(5, 0, 4, 0, 4, 0), result);
        Assert.AreEqual(StoreSnapshot.Listing(_fixture.Source), StoreSnapshot.Listing(empty));
        CollectionAssert.AreEqual(_fixture.Source.ListWorkspaces().ToArray(), empty.ListWorkspaces().ToArray());
        foreach (var candidate in _fixture.Sample.All)
        {
            Assert.AreEqual(candidate, empty.GetCandidate(candidate.Id));
            CollectionAssert.AreEqual(_fixture.Source.ListEvaluations(candidate.Id).ToArray(), empty.ListEvaluations(candidate.Id).ToArray());
            CollectionAssert.AreEqual(_fixture.Source.ListArtifacts(candidate.Id).ToArray(), empty.ListArtifacts(candidate.Id).ToArray());
        }
        var reexport = _fixture.PathFor("reexport.tar.gz");
        Assert.AreEqual(_fixture.Export.ManifestDigest, WorkspaceArchive.Export(empty, reexport).ManifestDigest);
    }

    [TestMethod]
    public void Import_SameArchiveTwice_SecondIsNoOp()
    {
        using var empty = _fixture.OpenEmpty("empty");
        WorkspaceArchive.Import(empty, _fixture.ArchivePath);
        var listing = StoreSnapshot.Listing(empty);
        var hash = StoreSnapshot.FileHash(empty.DatabasePath);

        var second = WorkspaceArchive.Import(empty, _fixture.ArchivePath);

        Assert.AreEqual(new BatchInsertResult(0, 5, 0, 4, 0, 4), second);
        Assert.AreEqual(0, second.Added);
        Assert.AreEqual(listing, StoreSnapshot.Listing(empty));
        Assert.AreEqual(hash, StoreSnapshot.FileHash(empty.DatabasePath));
    }

    [TestMethod]
    public void Import_IntoWorkspaceHoldingPart_AddsTheRestAndKeepsExisting()
    {
        var own = _fixture.Target.ListCandidates("target");
        _fixture.Target.InsertCandidate(_fixture.Sample.Root with { Summary = "target's own summary wins" });

        var result = WorkspaceArchive.Import(_fixture.Target, _fixture.ArchivePath);

        Assert.AreEqual(new BatchInsertResult(4, 1, 4, 0, 4, 0), result);
        Assert.AreEqual("target's own summary wins", _fixture.Target.GetCandidate(_fixture.Sample.Root.Id)!.Summary);
        CollectionAssert.AreEqual(own.ToArray(), _fixture.Target.ListCandidates("target").ToArray());
        Assert.HasCount(1, _fixture.Target.ListEvaluations(own[0].Id));
    }

    [TestMethod]
    public void Export_OneWorkspace_IncludesItsCandidatesAndTheirAncestors()
    {
        var branch = Samples.Candidate("return b + a + 0;", _fixture.Sample.Child, "return unchecked(a + b);", workspace: "v3", minute: 20);
        _fixture.Source.InsertCandidate(branch);
        var path = _fixture.PathFor("v3.tar.gz");

        var result = WorkspaceArchive.Export(_fixture.Source, path, Samples.Spec, "v3");
        using var empty = _fixture.OpenEmpty("empty");
        WorkspaceArchive.Import(empty, path);

        Assert.AreEqual(3, result.Candidates);
        Assert.AreEqual(3, result.Evaluations);
        Assert.AreEqual(3, result.Attachments);
        CollectionAssert.AreEquivalent(
            new[] { _fixture.Sample.Root.Id, _fixture.Sample.Child.Id, branch.Id },
            empty.ListCandidates(Samples.Spec).Select(c => c.Id).ToArray());
    }

    [TestMethod]
    public void Import_ChildWhoseParentIsOnlyInTheWorkspace_Succeeds()
    {
        var archive = _fixture.Tampered(entries => ArchiveFixture.RemoveCandidate(entries, _fixture.Sample.Root.Id));
        using var holdingParent = _fixture.OpenEmpty("holding-parent");
        holdingParent.InsertCandidate(_fixture.Sample.Root);

        var result = WorkspaceArchive.Import(holdingParent, archive);

        Assert.AreEqual(4, result.CandidatesAdded);
        Assert.AreEqual(_fixture.Sample.Child, holdingParent.GetCandidate(_fixture.Sample.Child.Id));
    }
}
