using System.Text.Json.Nodes;
using Sigil.Workspace.Archive;
using Sigil.Workspace.Model;
using Sigil.Workspace.Serialization;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Archive;

/// <summary>
/// Archives carry memberships (a candidate in further specs and workspaces) verified like every other entry. The
/// source holds the sample workspace plus the root rediscovered in v2 and the other root in spec perf.
/// </summary>
[TestClass]
public sealed class MembershipArchiveTests
{
    private static readonly Provenance Heuristic = new() { GeneratorKind = "heuristic", Optimizer = "best-of-n" };

    private ArchiveFixture _fixture = null!;

    [TestInitialize]
    public void Initialize() => _fixture = new ArchiveFixture((source, sample) =>
    {
        source.InsertCandidate(RootInV2(sample));
        source.InsertCandidate(OtherRootInPerf(sample));
    });

    [TestCleanup]
    public void Cleanup() => _fixture.Dispose();

    private static CandidateRecord RootInV2(SampleWorkspace sample) =>
        sample.Root with { Workspace = "v2", Provenance = Heuristic, Summary = "rediscovered in v2", CreatedAt = Samples.Epoch.AddMinutes(30) };

    private static CandidateRecord OtherRootInPerf(SampleWorkspace sample) =>
        sample.OtherRoot with { Spec = "perf", Workspace = "main", Summary = "perf run", CreatedAt = Samples.Epoch.AddMinutes(40) };

    private CandidateRecord RootV2 => RootInV2(_fixture.Sample);

    private string RootV2Entry => MembershipEntry(RootV2);

    private static string MembershipEntry(CandidateRecord member) => $"memberships/{CandidateMembership.Of(member).Id[3..]}.json";

    [TestMethod]
    public void Export_CandidatesInSeveralWorkspaces_WritesContentOnceAndOneEntryPerMembership()
    {
        var entries = ArchiveCrafter.Read(_fixture.ArchivePath);
        var memberships = entries.Where(e => e.Name.StartsWith("memberships/", StringComparison.Ordinal)).ToList();

        Assert.AreEqual(new ArchiveExportResult(_fixture.ArchivePath, 5, 4, 3, 4, _fixture.Export.ManifestDigest) { Memberships = 2 }, _fixture.Export);
        Assert.HasCount(5, entries.Where(e => e.Name.StartsWith("candidates/", StringComparison.Ordinal)));
        CollectionAssert.AreEquivalent(new[] { RootV2Entry, MembershipEntry(OtherRootInPerf(_fixture.Sample)) }, memberships.Select(m => m.Name).ToArray());
        var json = JsonNode.Parse(memberships.Single(m => m.Name == RootV2Entry).Data)!.AsObject();
        Assert.AreEqual("sigil/membership@1", json["schema"]!.GetValue<string>());
        Assert.AreEqual("v2", json["workspace"]!.GetValue<string>());
        Assert.IsFalse(json.ContainsKey("diff"), "a membership does not repeat the content");
        Assert.AreEqual(2, JsonNode.Parse(entries[0].Data)!["counts"]!["memberships"]!.GetValue<int>());
    }

    [TestMethod]
    public void Import_WithMemberships_RoundTripsEveryWorkspace()
    {
        using var empty = _fixture.OpenEmpty("empty");

        var result = WorkspaceArchive.Import(empty, _fixture.ArchivePath);

        Assert.AreEqual(new BatchInsertResult(7, 0, 4, 0, 4, 0) { CandidatesReused = 2 }, result);
        Assert.AreEqual(StoreSnapshot.Listing(_fixture.Source), StoreSnapshot.Listing(empty));
        CollectionAssert.AreEqual(_fixture.Source.ListWorkspaces().ToArray(), empty.ListWorkspaces().ToArray());
        foreach (var candidate in _fixture.Sample.All)
        {
            Assert.AreEqual(candidate, empty.GetCandidate(candidate.Id));
            CollectionAssert.AreEqual(_fixture.Source.ListMemberships(candidate.Id).ToArray(), empty.ListMemberships(candidate.Id).ToArray());
        }
        Assert.AreEqual(_fixture.Export.ManifestDigest, WorkspaceArchive.Export(empty, _fixture.PathFor("reexport.tar.gz")).ManifestDigest);
    }

    [TestMethod]
    public void Import_SameArchiveTwice_SecondIsNoOp()
    {
        using var empty = _fixture.OpenEmpty("empty");
        WorkspaceArchive.Import(empty, _fixture.ArchivePath);
        var hash = StoreSnapshot.FileHash(empty.DatabasePath);

        var second = WorkspaceArchive.Import(empty, _fixture.ArchivePath);

        Assert.AreEqual(new BatchInsertResult(0, 7, 0, 4, 0, 4), second);
        Assert.AreEqual(hash, StoreSnapshot.FileHash(empty.DatabasePath));
    }

    [TestMethod]
    public void Export_SecondWorkspaceOnly_ImportedElsewhereListsItThereWithItsProvenance()
    {
        var path = _fixture.PathFor("v2.tar.gz");

        var export = WorkspaceArchive.Export(_fixture.Source, path, Samples.Spec, "v2");
        using var empty = _fixture.OpenEmpty("empty");
        WorkspaceArchive.Import(empty, path);

        Assert.AreEqual(2, export.Candidates);
        Assert.AreEqual(0, export.Memberships);
        CollectionAssert.AreEqual(new[] { _fixture.Sample.OtherWorkspace, RootV2 }, empty.ListCandidates(Samples.Spec, "v2").ToArray());
        Assert.AreEqual("heuristic", empty.ListCandidates(Samples.Spec, "v2")[1].Provenance.GeneratorKind);
        Assert.IsEmpty(empty.ListCandidates(Samples.Spec, "v1"), "exporting v2 does not carry v1's memberships");
        Assert.AreEqual(RootV2, empty.GetCandidate(RootV2.Id), "in the new store, the v2 record is the first written");
        CollectionAssert.AreEqual(_fixture.Source.ListEvaluations(RootV2.Id).ToArray(), empty.ListEvaluations(RootV2.Id).ToArray());
    }

    [TestMethod]
    public void Import_SecondWorkspaceOnlyIntoStoreHoldingTheOriginal_AddsTheMembership()
    {
        var path = _fixture.PathFor("v2.tar.gz");
        WorkspaceArchive.Export(_fixture.Source, path, Samples.Spec, "v2");
        using var holding = _fixture.OpenEmpty("holding");
        holding.InsertCandidate(_fixture.Sample.Root);

        var result = WorkspaceArchive.Import(holding, path);

        Assert.AreEqual(2, result.CandidatesAdded);
        Assert.AreEqual(1, result.CandidatesReused);
        Assert.AreEqual(_fixture.Sample.Root, holding.GetCandidate(RootV2.Id));
        CollectionAssert.AreEqual(new[] { _fixture.Sample.Root }, holding.ListCandidates(Samples.Spec, "v1").ToArray());
        CollectionAssert.AreEqual(new[] { _fixture.Sample.OtherWorkspace, RootV2 }, holding.ListCandidates(Samples.Spec, "v2").ToArray());
    }

    [TestMethod]
    public void Export_OtherSpec_CarriesItsMembershipAsTheCandidateEntry()
    {
        var path = _fixture.PathFor("perf.tar.gz");

        var export = WorkspaceArchive.Export(_fixture.Source, path, "perf");
        using var empty = _fixture.OpenEmpty("empty");
        WorkspaceArchive.Import(empty, path);

        Assert.AreEqual(1, export.Candidates);
        CollectionAssert.AreEqual(new[] { OtherRootInPerf(_fixture.Sample) }, empty.ListCandidates("perf", "main").ToArray());
        Assert.IsEmpty(empty.ListCandidates(Samples.Spec));
    }

    [TestMethod]
    public void Import_EditedMembership_IsRejectedByManifestDigest()
    {
        var archive = _fixture.Tampered(entries => ArchiveCrafter.EditJson(entries, RootV2Entry, m => m["summary"] = "forged"));

        _fixture.AssertRejected(archive, RootV2Entry, "does not match manifest.json");
    }

    [TestMethod]
    public void Import_EditedMembershipWithManifestRefreshed_IsRejectedByRecomputedId()
    {
        var archive = _fixture.Tampered(entries =>
        {
            ArchiveCrafter.EditJson(entries, RootV2Entry, m => m["provenance"]!["generator_kind"] = "human");
            ArchiveCrafter.RefreshManifest(entries);
        });

        _fixture.AssertRejected(archive, RootV2Entry, "does not match its content", CandidateMembership.Of(RootV2).Id);
    }

    [TestMethod]
    public void Import_MembershipUnderAnotherMembershipsName_IsRejected()
    {
        var other = MembershipEntry(OtherRootInPerf(_fixture.Sample));
        var archive = _fixture.Tampered(entries =>
        {
            ArchiveCrafter.ReplaceData(entries, entries.Single(e => e.Name == RootV2Entry), entries.Single(e => e.Name == other).Data);
            ArchiveCrafter.RefreshManifest(entries);
        });

        _fixture.AssertRejected(archive, RootV2Entry, "not the one its name says");
    }

    [TestMethod]
    public void Import_MembershipWhoseCandidateIsNowhere_IsRejected()
    {
        var perf = MembershipEntry(OtherRootInPerf(_fixture.Sample));
        var archive = _fixture.Tampered(entries => ArchiveFixture.RemoveCandidate(entries, _fixture.Sample.OtherRoot.Id));

        _fixture.AssertRejected(archive, perf, "neither in the archive nor in the workspace", _fixture.Sample.OtherRoot.Id.ToString());
    }

    [TestMethod]
    public void Import_MembershipWhoseCandidateIsOnlyInTheWorkspace_Succeeds()
    {
        var archive = _fixture.Tampered(entries => ArchiveFixture.RemoveCandidate(entries, _fixture.Sample.OtherRoot.Id));
        using var holding = _fixture.OpenEmpty("holding");
        holding.InsertCandidate(_fixture.Sample.OtherRoot);

        WorkspaceArchive.Import(holding, archive);

        CollectionAssert.AreEqual(new[] { OtherRootInPerf(_fixture.Sample) }, holding.ListCandidates("perf").ToArray());
    }

    [TestMethod]
    public void Import_MembershipRepeatingItsCandidatesWorkspace_IsRejected()
    {
        var repeated = RootV2 with { Workspace = Samples.Workspace };
        var archive = _fixture.Tampered(entries => RewriteMembership(entries, RootV2Entry, m => m with { Workspace = Samples.Workspace }));

        _fixture.AssertRejected(archive, MembershipEntry(repeated), "already holds it there");
    }

    [TestMethod]
    public void Import_MembershipWithInvalidWorkspaceName_IsRejected()
    {
        var archive = _fixture.Tampered(entries => RewriteMembership(entries, RootV2Entry, m => m with { Workspace = "../v2" }));

        var error = _fixture.AssertRejected(archive, null, "is not a valid membership", "workspace name '../v2'");

        StringAssert.StartsWith(error.EntryName, "memberships/");
    }

    [TestMethod]
    public void Import_MembershipsUnderFormatVersion1Manifest_AreRejectedByCounts()
    {
        var archive = _fixture.Tampered(entries => ArchiveCrafter.EditJson(entries, ArchiveCrafter.Manifest, manifest =>
        {
            manifest["format_version"] = 1;
            manifest["counts"]!.AsObject().Remove("memberships");
            manifest["counts"]!.AsObject().Remove("runs");
            manifest["counts"]!.AsObject().Remove("trials");
        }));

        _fixture.AssertRejected(archive, "manifest.json", "counts 5 candidates, 0 memberships");
    }

    /// <summary>
    /// Archives are not signed: whoever rewrites a membership and recomputes its id, its entry name and the manifest
    /// produces a valid archive. docs/decisions/0004-workspace.md says so; this pins it.
    /// </summary>
    [TestMethod]
    public void Import_MembershipRewrittenWithIdNameAndManifest_IsAcceptedBecauseArchivesAreNotSigned()
    {
        var archive = _fixture.Tampered(entries => RewriteMembership(entries, RootV2Entry, m => m with { Workspace = "v9" }));
        using var empty = _fixture.OpenEmpty("empty");

        WorkspaceArchive.Import(empty, archive);

        CollectionAssert.AreEqual(new[] { RootV2 with { Workspace = "v9" } }, empty.ListCandidates(Samples.Spec, "v9").ToArray());
    }

    /// <summary>Applies <paramref name="edit"/> to a membership, recomputes its id and entry name, and refreshes the manifest.</summary>
    private static void RewriteMembership(List<CraftedEntry> entries, string name, Func<CandidateMembership, CandidateMembership> edit)
    {
        var index = entries.FindIndex(e => e.Name == name);
        var edited = edit(RecordJson.ReadMembership(entries[index].Data));
        edited = edited with { Id = edited.ComputeId() };
        entries[index] = new CraftedEntry($"memberships/{edited.Id[3..]}.json", RecordJson.WriteMembership(edited));
        ArchiveCrafter.RefreshManifest(entries);
    }
}
