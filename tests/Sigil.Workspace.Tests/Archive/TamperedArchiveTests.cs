using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Sigil.Workspace.Archive;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Archive;

/// <summary>
/// Every kind of damaged or hostile archive is rejected with a message naming the entry, and the target workspace
/// is left exactly as it was: same full listing, same database file bytes.
/// </summary>
[TestClass]
public sealed class TamperedArchiveTests
{
    private ArchiveFixture _fixture = null!;

    [TestInitialize]
    public void Initialize() => _fixture = new ArchiveFixture();

    [TestCleanup]
    public void Cleanup() => _fixture.Dispose();

    private string RootEntry => $"candidates/{_fixture.Sample.Root.Id.Digest}.json";

    [TestMethod]
    public void Import_FlippedByteInCandidateDiff_IsRejectedByManifestDigest()
    {
        var archive = _fixture.Tampered(entries =>
        {
            var entry = entries.Single(e => e.Name == RootEntry);
            ArchiveCrafter.ReplaceData(entries, entry, ArchiveCrafter.FlipByteAt(entry.Data, "+    return checked"));
        });

        AssertRejected(archive, RootEntry, "does not match manifest.json");
    }

    [TestMethod]
    public void Import_FlippedByteInCandidateDiffWithManifestRefreshed_IsRejectedByRecomputedId()
    {
        var archive = _fixture.Tampered(entries =>
        {
            var entry = entries.Single(e => e.Name == RootEntry);
            ArchiveCrafter.ReplaceData(entries, entry, ArchiveCrafter.FlipByteAt(entry.Data, "+    return checked"));
            ArchiveCrafter.RefreshManifest(entries);
        });

        AssertRejected(archive, RootEntry, "does not match its content", _fixture.Sample.Root.Id.ToString());
    }

    [TestMethod]
    public void Import_RemovedEntry_IsRejectedAsMissing()
    {
        string removed = "";
        var archive = _fixture.Tampered(entries =>
        {
            var entry = ArchiveCrafter.First(entries, "evaluations/");
            removed = entry.Name;
            entries.Remove(entry);
        });

        AssertRejected(archive, removed, "is listed in manifest.json but missing from the archive");
    }

    [TestMethod]
    public void Import_AddedUnlistedEntry_IsRejected()
    {
        var extra = "evaluations/" + new string('e', 64) + ".json";
        var archive = _fixture.Tampered(entries => entries.Add(new CraftedEntry(extra, ArchiveCrafter.First(entries, "evaluations/").Data)));

        AssertRejected(archive, extra, "is not listed in manifest.json");
    }

    [TestMethod]
    public void Import_EditedManifestDigest_IsRejected()
    {
        var archive = _fixture.Tampered(entries => ArchiveCrafter.EditJson(entries, ArchiveCrafter.Manifest, manifest =>
        {
            var entry = manifest["entries"]!.AsArray().Select(e => e!.AsObject()).Single(e => e["path"]!.GetValue<string>() == RootEntry);
            entry["digest"] = "b3:" + new string('0', 64);
        }));

        AssertRejected(archive, RootEntry, "does not match manifest.json", "b3:" + new string('0', 64));
    }

    [TestMethod]
    [DataRow(1, DisplayName = "last byte")]
    [DataRow(8, DisplayName = "gzip trailer")]
    [DataRow(100, DisplayName = "end of deflate data")]
    [DataRow(-2, DisplayName = "half")]
    [DataRow(-1, DisplayName = "header only")]
    public void Import_TruncatedGzip_IsRejected(int cut)
    {
        var bytes = File.ReadAllBytes(_fixture.ArchivePath);
        var length = cut switch { -2 => bytes.Length / 2, -1 => 10, _ => bytes.Length - cut };
        var archive = _fixture.PathFor("truncated.tar.gz");
        File.WriteAllBytes(archive, bytes[..length]);

        AssertRejected(archive, null, "truncated or corrupt", "copy it again");
    }

    [TestMethod]
    public void Import_RandomByteCorruptions_AreAllRejectedAsArchiveErrors()
    {
        var bytes = File.ReadAllBytes(_fixture.ArchivePath);
        var listing = StoreSnapshot.Listing(_fixture.Target);
        var hash = StoreSnapshot.FileHash(_fixture.Target.DatabasePath);
        var random = new Random(20250907);
        var archive = _fixture.PathFor("corrupted.tar.gz");

        for (var i = 0; i < 150; i++)
        {
            var corrupted = (byte[])bytes.Clone();
            // Not the gzip header's time/flags/OS bytes (0-9) nor the last deflate byte (it may end in padding bits):
            // decoders ignore those, so flipping them does not change the content.
            var position = random.Next(10, corrupted.Length - 1);
            corrupted[position == corrupted.Length - 9 ? position + 1 : position] ^= (byte)random.Next(1, 256);
            File.WriteAllBytes(archive, corrupted);

            Assert.ThrowsExactly<WorkspaceArchiveException>(() => WorkspaceArchive.Import(_fixture.Target, archive), $"corruption #{i}");
        }

        Assert.AreEqual(listing, StoreSnapshot.Listing(_fixture.Target));
        Assert.AreEqual(hash, StoreSnapshot.FileHash(_fixture.Target.DatabasePath));
    }

    [TestMethod]
    public void Import_NotAGzipFile_IsRejected()
    {
        var archive = _fixture.PathFor("garbage.tar.gz");
        File.WriteAllText(archive, "this is not an archive at all, just some text that goes on for a while.");

        AssertRejected(archive, null, "truncated or corrupt");
    }

    [TestMethod]
    [DataRow("../evil", "climbs out")]
    [DataRow("candidates/../../evil.json", "climbs out")]
    [DataRow("/etc/cron.d/evil", "absolute")]
    [DataRow("artifacts\\..\\evil", "backslash")]
    public void Import_UnsafeEntryPath_IsRejectedAsMalicious(string name, string phrase)
    {
        var archive = _fixture.Tampered(entries => entries.Insert(1, new CraftedEntry(name, "pwned"u8.ToArray())));

        AssertRejected(archive, name, phrase, "may be malicious");
    }

    [TestMethod]
    public void Import_SymbolicLinkEntry_IsRejected()
    {
        var name = "artifacts/" + new string('a', 64);
        var archive = _fixture.Tampered(entries => entries.Add(new CraftedEntry(name, [], TarEntryType.SymbolicLink, "/etc/passwd")));

        AssertRejected(archive, name, "SymbolicLink entry");
    }

    [TestMethod]
    public void Import_UnknownEntryName_IsRejected()
    {
        var archive = _fixture.Tampered(entries => entries.Add(new CraftedEntry("notes.txt", "hello"u8.ToArray())));

        AssertRejected(archive, "notes.txt", "not part of the workspace archive format");
    }

    [TestMethod]
    public void Import_DuplicateEntry_IsRejected()
    {
        var archive = _fixture.Tampered(entries => entries.Add(entries.Single(e => e.Name == RootEntry)));

        AssertRejected(archive, RootEntry, "appears more than once");
    }

    [TestMethod]
    public void Import_MissingManifest_IsRejected()
    {
        var archive = _fixture.Tampered(entries => entries.RemoveAll(e => e.Name == ArchiveCrafter.Manifest));

        AssertRejected(archive, "manifest.json", "is missing");
    }

    [TestMethod]
    public void Import_ManifestListsAbsentEntry_IsRejected()
    {
        var ghost = "candidates/" + new string('f', 64) + ".json";
        var archive = _fixture.Tampered(entries => ArchiveCrafter.EditJson(entries, ArchiveCrafter.Manifest, manifest =>
            manifest["entries"]!.AsArray().Add(new JsonObject { ["digest"] = "b3:" + new string('1', 64), ["path"] = ghost, ["size"] = 1 })));

        AssertRejected(archive, ghost, "missing from the archive");
    }

    [TestMethod]
    public void Import_ManifestCountsEdited_IsRejected()
    {
        var archive = _fixture.Tampered(entries => ArchiveCrafter.EditJson(entries, ArchiveCrafter.Manifest, manifest => manifest["counts"]!["candidates"] = 4));

        AssertRejected(archive, "manifest.json", "counts 4 candidates");
    }

    [TestMethod]
    public void Import_NewerFormatVersion_IsRejected()
    {
        var archive = _fixture.Tampered(entries => ArchiveCrafter.EditJson(entries, ArchiveCrafter.Manifest, manifest => manifest["format_version"] = 4));

        AssertRejected(archive, "manifest.json", "format_version", "reads versions 1 to 3");
    }

    [TestMethod]
    public void Import_TamperedEvaluationWithManifestRefreshed_IsRejectedByRecomputedId()
    {
        string name = "";
        var archive = _fixture.Tampered(entries =>
        {
            var entry = ArchiveCrafter.First(entries, "evaluations/");
            name = entry.Name;
            ArchiveCrafter.EditJson(entries, name, evaluation => evaluation["correct"] = !evaluation["correct"]!.GetValue<bool>());
            ArchiveCrafter.RefreshManifest(entries);
        });

        AssertRejected(archive, name, "does not match its content");
    }

    [TestMethod]
    public void Import_TamperedArtifactWithManifestRefreshed_IsRejectedByRecomputedDigest()
    {
        string name = "";
        var archive = _fixture.Tampered(entries =>
        {
            var entry = ArchiveCrafter.First(entries, "artifacts/");
            name = entry.Name;
            ArchiveCrafter.ReplaceData(entries, entry, [.. entry.Data, (byte)'!']);
            ArchiveCrafter.RefreshManifest(entries);
        });

        AssertRejected(archive, name, "not the digest its name says");
    }

    [TestMethod]
    public void Import_CandidateUnderAnotherCandidatesName_IsRejected()
    {
        var childEntry = $"candidates/{_fixture.Sample.Child.Id.Digest}.json";
        var archive = _fixture.Tampered(entries =>
        {
            var root = entries.Single(e => e.Name == RootEntry);
            var child = entries.Single(e => e.Name == childEntry);
            ArchiveCrafter.ReplaceData(entries, root, child.Data);
            ArchiveCrafter.RefreshManifest(entries);
        });

        AssertRejected(archive, RootEntry, "not the one its name says");
    }

    [TestMethod]
    public void Import_ParentNeitherInArchiveNorWorkspace_IsRejected()
    {
        var archive = _fixture.Tampered(entries => ArchiveFixture.RemoveCandidate(entries, _fixture.Sample.Root.Id));

        AssertRejected(archive, $"candidates/{_fixture.Sample.Child.Id.Digest}.json", "neither in the archive nor in the workspace", _fixture.Sample.Root.Id.ToString());
    }

    [TestMethod]
    public void Import_ParentChainLoopingBack_IsRejected()
    {
        var archive = _fixture.Tampered(entries =>
        {
            ArchiveCrafter.EditJson(entries, RootEntry, root => root["parent"] = _fixture.Sample.Grandchild.Id.ToString());
            ArchiveCrafter.RefreshManifest(entries);
        });

        var error = AssertRejected(archive, null, "chain of parents loops");

        StringAssert.StartsWith(error.EntryName, "candidates/");
    }

    [TestMethod]
    public void Import_DirectoryEntry_IsRejectedAsHandRepacked()
    {
        var archive = _fixture.Tampered(entries => entries.Insert(1, new CraftedEntry("candidates/", [], TarEntryType.Directory)));

        AssertRejected(archive, "candidates/", "is a directory entry", "repacked by hand");
    }

    [TestMethod]
    public void Import_AttachmentConflictingWithWorkspace_IsRejected()
    {
        _fixture.Target.InsertCandidate(_fixture.Sample.Root);
        _fixture.Target.PutArtifact(_fixture.Sample.Root.Id, "eval/accuracy.log", "different bytes"u8);

        AssertRejected(_fixture.ArchivePath, "manifest.json", "already attaches different content", "eval/accuracy.log");
    }

    [TestMethod]
    public void Import_EntryOverSizeLimit_IsRejected()
    {
        var limits = new WorkspaceArchiveLimits { MaxArtifactBytes = 1000 };

        var error = AssertRejected(_fixture.ArchivePath, null, "over the limit of 1000", limits: limits);

        StringAssert.StartsWith(error.EntryName, "artifacts/");
    }

    [TestMethod]
    public void Import_ArchiveOverTotalLimit_IsRejected()
    {
        AssertRejected(_fixture.ArchivePath, null, "decompresses to more than 50000 bytes", limits: new WorkspaceArchiveLimits { MaxTotalBytes = 50_000 });
    }

    [TestMethod]
    public void Import_TooManyEntries_IsRejected()
    {
        var error = AssertRejected(_fixture.ArchivePath, null, "limit of 3 entries", limits: new WorkspaceArchiveLimits { MaxEntries = 3 });

        Assert.IsNotNull(error.EntryName);
    }

    private WorkspaceArchiveException AssertRejected(string archive, string? entry, string phrase, string? otherPhrase = null, WorkspaceArchiveLimits? limits = null) =>
        _fixture.AssertRejected(archive, entry, phrase, otherPhrase, limits);
}
