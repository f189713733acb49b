using Sigil.Workspace.Archive;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Store;

/// <summary>
/// A database written by schema version 1 (before memberships; see <see cref="Fixtures"/>) opens and behaves as if
/// each candidate were a member of its own spec and workspace.
/// </summary>
[TestClass]
public sealed class SchemaVersionTests
{
    private TempDirectory _directory = null!;

    [TestInitialize]
    public void Initialize() => _directory = new TempDirectory();

    [TestCleanup]
    public void Cleanup() => _directory.Dispose();

    /// <summary>What the schema-1 fixture holds, written by today's code into a fresh store.</summary>
    private (string Listing, SampleWorkspace Sample, IReadOnlyList<WorkspaceSummary> Workspaces) Expected()
    {
        using var fresh = LiteDbWorkspaceStore.Open(_directory.File("fresh"));
        var sample = Samples.Populate(fresh);
        return (StoreSnapshot.Listing(fresh), sample, fresh.ListWorkspaces());
    }

    [TestMethod]
    public void Open_SchemaVersion1Database_ListsItsCandidatesAsBefore()
    {
        var (listing, sample, workspaces) = Expected();
        Fixtures.WriteSchemaVersion1Database(_directory.File("old"));

        using var store = LiteDbWorkspaceStore.Open(_directory.File("old"));

        Assert.AreEqual(listing, StoreSnapshot.Listing(store));
        CollectionAssert.AreEqual(workspaces.ToArray(), store.ListWorkspaces().ToArray());
        CollectionAssert.AreEqual(new[] { sample.Root, sample.Child, sample.Grandchild, sample.OtherRoot }, store.ListCandidates(Samples.Spec, "v1").ToArray());
        CollectionAssert.AreEqual(new[] { sample.OtherWorkspace }, store.ListCandidates(Samples.Spec, "v2").ToArray());
        CollectionAssert.AreEqual(new[] { sample.Root, sample.OtherRoot, sample.OtherWorkspace }, store.Children(Samples.Function()).ToArray());
        CollectionAssert.AreEqual(new[] { sample.Child }, store.ListMemberships(sample.Child.Id).ToArray());
        Assert.AreEqual(sample.Grandchild, store.GetCandidate(sample.Grandchild.Id));
    }

    [TestMethod]
    public void Open_SchemaVersion1Database_AcceptsMembershipsWhichSurviveReopen()
    {
        var (_, sample, _) = Expected();
        var sigil = _directory.File("old");
        Fixtures.WriteSchemaVersion1Database(sigil);
        var member = sample.Root with { Workspace = "v2", Summary = "rediscovered in v2", CreatedAt = Samples.Epoch.AddHours(1) };

        using (var store = LiteDbWorkspaceStore.Open(sigil))
        {
            Assert.IsTrue(store.InsertCandidate(member).Added);
            Assert.IsTrue(store.InsertCandidate(sample.Root).AlreadyExisted);
        }
        using var reopened = LiteDbWorkspaceStore.Open(sigil);

        CollectionAssert.AreEqual(new[] { sample.OtherWorkspace, member }, reopened.ListCandidates(Samples.Spec, "v2").ToArray());
        CollectionAssert.AreEqual(new[] { sample.Root, sample.Child, sample.Grandchild, sample.OtherRoot }, reopened.ListCandidates(Samples.Spec, "v1").ToArray());
        Assert.AreEqual(sample.Root, reopened.GetCandidate(sample.Root.Id));
        Assert.AreEqual(new WorkspaceSummary(Samples.Spec, "v2", 2), reopened.ListWorkspaces().Single(w => w.Workspace == "v2"));
    }

    [TestMethod]
    public void Open_SchemaVersion1DatabaseManyTimes_KeepsOpeningAndExportsLikeANewOne()
    {
        var sigil = _directory.File("old");
        Fixtures.WriteSchemaVersion1Database(sigil);
        using (var fresh = LiteDbWorkspaceStore.Open(_directory.File("fresh")))
        {
            Samples.Populate(fresh);
            WorkspaceArchive.Export(fresh, _directory.File("fresh.tar.gz"));
        }

        for (var i = 0; i < 3; i++)
        {
            LiteDbWorkspaceStore.Open(sigil).Dispose();
        }
        using var store = LiteDbWorkspaceStore.Open(sigil);
        var export = WorkspaceArchive.Export(store, _directory.File("old.tar.gz"));

        CollectionAssert.AreEqual(File.ReadAllBytes(_directory.File("fresh.tar.gz")), File.ReadAllBytes(_directory.File("old.tar.gz")));
        Assert.AreEqual(0, export.Memberships);
    }

    [TestMethod]
    public void Import_FormatVersion1Archive_FromPreviousSigil_IsImported()
    {
        var (listing, _, _) = Expected();
        var archive = Fixtures.WriteFormatVersion1Archive(_directory.File("format1.tar.gz"));
        using var store = LiteDbWorkspaceStore.Open(_directory.File("target"));

        var result = WorkspaceArchive.Import(store, archive);

        Assert.AreEqual(new BatchInsertResult(5, 0, 4, 0, 4, 0), result);
        Assert.AreEqual(listing, StoreSnapshot.Listing(store));
    }
}
