using Sigil.Workspace.Archive;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Store;

/// <summary>
/// Schema version 3 (the run log) derives, like version 2: files of versions 1 and 2 open as they are and take runs;
/// a file this version has opened is refused by a Sigil that reads only version 2, with a message saying to upgrade.
/// </summary>
[TestClass]
public sealed class SchemaVersion3Tests
{
    private TempDirectory _directory = null!;

    [TestInitialize]
    public void Initialize() => _directory = new TempDirectory();

    [TestCleanup]
    public void Cleanup() => _directory.Dispose();

    [TestMethod]
    public void Open_SchemaVersion2Database_ListsEverythingAsBeforeWithoutRuns()
    {
        string listing;
        IReadOnlyList<WorkspaceSummary> workspaces;
        using (var fresh = LiteDbWorkspaceStore.Open(_directory.File("fresh")))
        {
            Fixtures.PopulateVersion2(fresh);
            listing = StoreSnapshot.Listing(fresh);
            workspaces = fresh.ListWorkspaces();
        }
        Fixtures.WriteSchemaVersion2Database(_directory.File("old"));

        using var store = LiteDbWorkspaceStore.Open(_directory.File("old"));

        Assert.AreEqual(listing, StoreSnapshot.Listing(store));
        CollectionAssert.AreEqual(workspaces.ToArray(), store.ListWorkspaces().ToArray());
        Assert.IsTrue(store.ListWorkspaces().All(w => w.RunCount == 0));
        Assert.IsEmpty(store.ListRuns(Samples.Spec));
    }

    [TestMethod]
    public void Open_SchemaVersion2Database_AcceptsRunsAndTrialsWhichSurviveReopen()
    {
        var sigil = _directory.File("old");
        Fixtures.WriteSchemaVersion2Database(sigil);
        RunRecord run;
        IReadOnlyList<TrialRecord> trials;
        using (var store = LiteDbWorkspaceStore.Open(sigil))
        {
            var sample = new SampleWorkspace(
                store.ListCandidates(Samples.Spec, "v1")[0], store.ListCandidates(Samples.Spec, "v1")[1],
                store.ListCandidates(Samples.Spec, "v1")[2], store.ListCandidates(Samples.Spec, "v1")[3], store.ListCandidates(Samples.Spec, "v2")[0]);
            (run, trials) = RunSamples.Populate(store, sample);
        }

        using var reopened = LiteDbWorkspaceStore.Open(sigil);

        CollectionAssert.AreEqual(new[] { run }, reopened.ListRuns(Samples.Spec, Samples.Workspace).ToArray());
        CollectionAssert.AreEqual(trials.ToArray(), reopened.ListTrials(run.Id).ToArray());
        Assert.AreEqual(1, reopened.ListWorkspaces().Single(w => w.Workspace == Samples.Workspace).RunCount);
    }

    [TestMethod]
    public void Open_SchemaVersion1Database_AcceptsRuns()
    {
        Fixtures.WriteSchemaVersion1Database(_directory.File("old"));
        using var store = LiteDbWorkspaceStore.Open(_directory.File("old"));
        var run = RunSamples.Run();

        Assert.IsTrue(store.InsertRun(run).Added);
        Assert.IsTrue(store.InsertTrial(RunSamples.Rejected(run.Id, 0)).Added);
        Assert.HasCount(1, store.ListTrials(run.Id));
    }

    [TestMethod]
    public void Open_SchemaVersion2DatabaseBySigilReadingVersion2_OpensUntilThisVersionHasUsedIt()
    {
        var sigil = _directory.File("old");
        Fixtures.WriteSchemaVersion2Database(sigil);
        LiteDbWorkspaceStore.Open(sigil, readsVersion: 2).Dispose();
        LiteDbWorkspaceStore.Open(sigil).Dispose();

        var error = Assert.ThrowsExactly<WorkspaceDatabaseException>(() => LiteDbWorkspaceStore.Open(sigil, readsVersion: 2));

        StringAssert.Contains(error.Message, "written by a newer Sigil (schema version 3; this version reads 2)");
        StringAssert.Contains(error.Message, "Upgrade Sigil");
        using var store = LiteDbWorkspaceStore.Open(sigil);
        Assert.HasCount(4, store.ListCandidates(Samples.Spec, "v1"));
    }

    [TestMethod]
    public void Open_NewDatabaseBySigilReadingVersion2_IsRefused()
    {
        LiteDbWorkspaceStore.Open(_directory.File("new")).Dispose();

        var error = Assert.ThrowsExactly<WorkspaceDatabaseException>(() => LiteDbWorkspaceStore.Open(_directory.File("new"), readsVersion: 2));

        StringAssert.Contains(error.Message, "newer Sigil");
    }

    [TestMethod]
    public void Import_FormatVersion2Archive_FromPreviousSigil_IsImported()
    {
        string listing;
        using (var fresh = LiteDbWorkspaceStore.Open(_directory.File("fresh")))
        {
            Fixtures.PopulateVersion2(fresh);
            listing = StoreSnapshot.Listing(fresh);
        }
        var archive = Fixtures.WriteFormatVersion2Archive(_directory.File("format2.tar.gz"));
        using var store = LiteDbWorkspaceStore.Open(_directory.File("target"));

        var result = WorkspaceArchive.Import(store, archive);

        Assert.AreEqual(new BatchInsertResult(7, 0, 4, 0, 4, 0) { CandidatesReused = 2 }, result);
        Assert.AreEqual(listing, StoreSnapshot.Listing(store));
    }
}
