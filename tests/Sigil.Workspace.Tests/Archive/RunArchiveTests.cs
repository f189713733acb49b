using System.Text.Json.Nodes;
using Sigil.Core.Identity;
using Sigil.Workspace.Archive;
using Sigil.Workspace.Model;
using Sigil.Workspace.Serialization;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Archive;

/// <summary>
/// Archives carry the run log (format 3): runs and every trial, verified like every other entry, appended to the
/// target's log in order or rejected without touching it. The source holds the sample workspace, a run in v1 with four
/// trials (<see cref="RunSamples.Populate"/>) and a run in v2 whose only trial duplicates the v1 root.
/// </summary>
[TestClass]
public sealed class RunArchiveTests
{
    private ArchiveFixture _fixture = null!;
    private RunRecord _run = null!;
    private IReadOnlyList<TrialRecord> _trials = null!;
    private RunRecord _v2Run = null!;

    [TestInitialize]
    public void Initialize() => _fixture = new ArchiveFixture((source, sample) =>
    {
        (_run, _trials) = RunSamples.Populate(source, sample);
        _v2Run = RunSamples.Run(workspace: "v2", minute: 50);
        source.InsertRun(_v2Run);
        source.InsertTrial(RunSamples.Duplicate(_v2Run.Id, 0, sample.Root));
    });

    [TestCleanup]
    public void Cleanup() => _fixture.Dispose();

    private static string RunEntry(RunRecord run) => $"runs/{run.Id.Digest}.json";

    private static string TrialEntry(TrialRecord trial) => $"trials/{trial.ComputeDigest()[3..]}.json";

    [TestMethod]
    public void Export_WithRuns_WritesOneEntryPerRunAndTrial()
    {
        var entries = ArchiveCrafter.Read(_fixture.ArchivePath);
        var manifest = JsonNode.Parse(entries[0].Data)!;

        Assert.AreEqual(new ArchiveExportResult(_fixture.ArchivePath, 5, 4, 3, 4, _fixture.Export.ManifestDigest) { Runs = 2, Trials = 5 }, _fixture.Export);
        Assert.AreEqual(3, manifest["format_version"]!.GetValue<int>());
        Assert.AreEqual(2, manifest["counts"]!["runs"]!.GetValue<int>());
        Assert.AreEqual(5, manifest["counts"]!["trials"]!.GetValue<int>());
        CollectionAssert.IsSubsetOf(new[] { RunEntry(_run), RunEntry(_v2Run), TrialEntry(_trials[1]) }, entries.Select(e => e.Name).ToArray());
        var trial = JsonNode.Parse(entries.Single(e => e.Name == TrialEntry(_trials[1])).Data)!;
        Assert.AreEqual("sigil/trial@1", trial["schema"]!.GetValue<string>());
        Assert.AreEqual("rejected", trial["status"]!.GetValue<string>());
        Assert.AreEqual(_trials[1].ComputeDigest(), trial["id"]!.GetValue<string>());
    }

    [TestMethod]
    public void Import_IntoEmptyWorkspace_RoundTripsRunsAndTrials()
    {
        using var empty = _fixture.OpenEmpty("empty");

        var result = WorkspaceArchive.Import(empty, _fixture.ArchivePath);

        Assert.AreEqual(new BatchInsertResult(5, 0, 4, 0, 4, 0) { RunsAdded = 2, TrialsAdded = 5 }, result);
        Assert.AreEqual(StoreSnapshot.Listing(_fixture.Source), StoreSnapshot.Listing(empty));
        CollectionAssert.AreEqual(new[] { _run, _v2Run }, empty.ListRuns(Samples.Spec).ToArray());
        CollectionAssert.AreEqual(_trials.ToArray(), empty.ListTrials(_run.Id).ToArray());
        CollectionAssert.AreEqual(_fixture.Source.ListWorkspaces().ToArray(), empty.ListWorkspaces().ToArray());
        Assert.AreEqual(_fixture.Export.ManifestDigest, WorkspaceArchive.Export(empty, _fixture.PathFor("reexport.tar.gz")).ManifestDigest);
    }

    [TestMethod]
    public void Import_SameArchiveTwice_SecondIsNoOp()
    {
        using var empty = _fixture.OpenEmpty("empty");
        WorkspaceArchive.Import(empty, _fixture.ArchivePath);
        var hash = StoreSnapshot.FileHash(empty.DatabasePath);

        var second = WorkspaceArchive.Import(empty, _fixture.ArchivePath);

        Assert.AreEqual(new BatchInsertResult(0, 5, 0, 4, 0, 4) { RunsAlreadyPresent = 2, TrialsAlreadyPresent = 5 }, second);
        Assert.AreEqual(hash, StoreSnapshot.FileHash(empty.DatabasePath));
    }

    [TestMethod]
    public void Import_IntoWorkspaceHoldingTheFirstTrials_AppendsTheRest()
    {
        using var partial = _fixture.OpenEmpty("partial");
        Samples.Populate(partial);
        partial.InsertRun(_run);
        partial.InsertTrial(_trials[0]);
        partial.InsertTrial(_trials[1]);

        var result = WorkspaceArchive.Import(partial, _fixture.ArchivePath);

        Assert.AreEqual(3, result.TrialsAdded);
        Assert.AreEqual(2, result.TrialsAlreadyPresent);
        CollectionAssert.AreEqual(_trials.ToArray(), partial.ListTrials(_run.Id).ToArray());
    }

    [TestMethod]
    public void Import_WorkspaceHoldingAnotherTrialAtAnIndex_IsRejected()
    {
        _fixture.Target.InsertRun(_run);
        _fixture.Target.InsertTrial(RunSamples.OutOfBudget(_run.Id, 0));

        _fixture.AssertRejected(_fixture.ArchivePath, TrialEntry(_trials[0]), "already holds a different trial 0", "Import into another workspace");
    }

    [TestMethod]
    public void Export_OneWorkspace_IncludesItsRunsAndTheCandidatesTheirTrialsName()
    {
        var path = _fixture.PathFor("v2.tar.gz");

        var export = WorkspaceArchive.Export(_fixture.Source, path, Samples.Spec, "v2");
        using var empty = _fixture.OpenEmpty("empty");
        WorkspaceArchive.Import(empty, path);

        Assert.AreEqual(1, export.Runs);
        Assert.AreEqual(1, export.Trials);
        Assert.AreEqual(2, export.Candidates, "v2's own candidate and the v1 root its trial duplicates");
        CollectionAssert.AreEqual(new[] { _v2Run }, empty.ListRuns(Samples.Spec).ToArray());
        Assert.AreEqual(_fixture.Sample.Root, empty.GetCandidate(_fixture.Sample.Root.Id));
        Assert.HasCount(1, empty.ListTrials(_v2Run.Id));
    }

    [TestMethod]
    public void Import_TrialWithFlippedByte_IsRejectedByManifestDigest()
    {
        var name = TrialEntry(_trials[1]);
        var archive = _fixture.Tampered(entries =>
        {
            var entry = entries.Single(e => e.Name == name);
            ArchiveCrafter.ReplaceData(entries, entry, ArchiveCrafter.FlipByteAt(entry.Data, "already optimal"));
        });

        _fixture.AssertRejected(archive, name, "does not match manifest.json");
    }

    [TestMethod]
    public void Import_TrialEditedWithManifestRefreshed_IsRejectedByRecomputedId()
    {
        var name = TrialEntry(_trials[1]);
        var archive = _fixture.Tampered(entries =>
        {
            ArchiveCrafter.EditJson(entries, name, trial => trial["cost_usd"] = 0);
            ArchiveCrafter.RefreshManifest(entries);
        });

        _fixture.AssertRejected(archive, name, "does not match its content");
    }

    [TestMethod]
    public void Import_RunEditedWithManifestRefreshed_IsRejectedByRecomputedId()
    {
        var name = RunEntry(_run);
        var archive = _fixture.Tampered(entries =>
        {
            ArchiveCrafter.EditJson(entries, name, run => run["seed"] = 7);
            ArchiveCrafter.RefreshManifest(entries);
        });

        _fixture.AssertRejected(archive, name, "does not match its content", _run.Id.ToString());
    }

    [TestMethod]
    public void Import_TrialRemovedWithManifestRefreshed_IsRejectedAsAGap()
    {
        var archive = _fixture.Tampered(entries =>
        {
            entries.RemoveAll(e => e.Name == TrialEntry(_trials[1]));
            ArchiveCrafter.RefreshManifest(entries);
        });

        _fixture.AssertRejected(archive, TrialEntry(_trials[2]), "so the next one must be trial 1", "without gaps");
    }

    [TestMethod]
    public void Import_RunRemovedWithManifestRefreshed_IsRejected()
    {
        var archive = _fixture.Tampered(entries =>
        {
            entries.RemoveAll(e => e.Name == RunEntry(_v2Run));
            ArchiveCrafter.RefreshManifest(entries);
        });

        var error = _fixture.AssertRejected(archive, null, $"of run {_v2Run.Id}, which is neither in the archive nor in the workspace");

        StringAssert.StartsWith(error.EntryName, "trials/");
    }

    [TestMethod]
    public void Import_TrialRewrittenToAnUnknownCandidate_IsRejected()
    {
        var unknown = new CandidateId(new string('7', 64));
        var archive = _fixture.Tampered(entries => RewriteTrial(entries, TrialEntry(_trials[3]), t => t with { CandidateId = unknown }));

        _fixture.AssertRejected(archive, null, $"its candidate {unknown} is neither in the archive nor in the workspace");
    }

    [TestMethod]
    public void Import_TwoTrialsAtOneIndex_IsRejected()
    {
        var archive = _fixture.Tampered(entries => RewriteTrial(entries, TrialEntry(_trials[3]), t => t with { Index = 2 }));

        _fixture.AssertRejected(archive, null, "is another trial 2 of that run");
    }

    [TestMethod]
    public void Import_TrialCountEdited_IsRejected()
    {
        var archive = _fixture.Tampered(entries => ArchiveCrafter.EditJson(entries, ArchiveCrafter.Manifest, manifest => manifest["counts"]!["trials"] = 4));

        _fixture.AssertRejected(archive, "manifest.json", "4 trials");
    }

    [TestMethod]
    public void Import_RunsUnderFormatVersion2Manifest_AreRejectedByCounts()
    {
        var archive = _fixture.Tampered(entries => ArchiveCrafter.EditJson(entries, ArchiveCrafter.Manifest, manifest =>
        {
            manifest["format_version"] = 2;
            manifest["counts"]!.AsObject().Remove("runs");
            manifest["counts"]!.AsObject().Remove("trials");
        }));

        _fixture.AssertRejected(archive, "manifest.json", "0 runs and 0 trials", "holds 5, 0, 4, 3, 2 and 5");
    }

    /// <summary>Applies <paramref name="edit"/> to a trial, recomputes its id and entry name, and refreshes the manifest.</summary>
    private static void RewriteTrial(List<CraftedEntry> entries, string name, Func<TrialRecord, TrialRecord> edit)
    {
        var index = entries.FindIndex(e => e.Name == name);
        var edited = edit(RunJson.ReadTrial(entries[index].Data).Trial);
        entries[index] = new CraftedEntry(TrialEntry(edited), RunJson.WriteTrial(edited));
        ArchiveCrafter.RefreshManifest(entries);
    }
}
