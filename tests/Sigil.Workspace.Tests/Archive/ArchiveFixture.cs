using System.Text.Json.Nodes;
using Sigil.Core.Identity;
using Sigil.Workspace.Archive;
using Sigil.Workspace.Store;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Archive;

/// <summary>
/// A populated source workspace exported to an archive, and a separate target workspace that already holds
/// unrelated records (so "unchanged" after a rejected import means something).
/// </summary>
internal sealed class ArchiveFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <param name="beforeExport">Extra writes to the source after <see cref="Samples.Populate"/>, before the export.</param>
    public ArchiveFixture(Action<LiteDbWorkspaceStore, SampleWorkspace>? beforeExport = null)
    {
        Source = LiteDbWorkspaceStore.Open(_directory.File("source"));
        Sample = Samples.Populate(Source);
        beforeExport?.Invoke(Source, Sample);
        ArchivePath = _directory.File("export.tar.gz");
        Export = WorkspaceArchive.Export(Source, ArchivePath);
        Target = LiteDbWorkspaceStore.Open(_directory.File("target"));
        var own = Samples.Candidate("return a + b; // target's own", spec: "target", workspace: "mine");
        Target.InsertCandidate(own);
        Target.InsertEvaluation(Samples.Evaluation(own.Id, 0.75));
        Target.PutArtifact(own.Id, "own.log", "target"u8);
    }

    public LiteDbWorkspaceStore Source { get; }

    public LiteDbWorkspaceStore Target { get; private set; }

    public SampleWorkspace Sample { get; }

    public string ArchivePath { get; }

    public ArchiveExportResult Export { get; }

    /// <summary>A fresh path in the fixture's directory.</summary>
    public string PathFor(string name) => _directory.File(name);

    /// <summary>An empty workspace in the fixture's directory.</summary>
    public LiteDbWorkspaceStore OpenEmpty(string name) => LiteDbWorkspaceStore.Open(_directory.File(name));

    /// <summary>Writes a copy of the export with <paramref name="edit"/> applied and returns its path.</summary>
    public string Tampered(Action<List<CraftedEntry>> edit)
    {
        var path = _directory.File($"tampered-{Guid.NewGuid():N}.tar.gz");
        ArchiveCrafter.Rewrite(ArchivePath, path, edit);
        return path;
    }

    /// <summary>Removes a candidate, its evaluations, its attachments and blobs no one else uses, and refreshes the manifest.</summary>
    public static void RemoveCandidate(List<CraftedEntry> entries, CandidateId id)
    {
        entries.RemoveAll(e => e.Name == $"candidates/{id.Digest}.json");
        entries.RemoveAll(e => e.Name.StartsWith("evaluations/", StringComparison.Ordinal)
            && JsonNode.Parse(e.Data)!["candidate"]!.GetValue<string>() == id.ToString());
        var used = new HashSet<string>();
        ArchiveCrafter.EditJson(entries, ArchiveCrafter.Manifest, manifest =>
        {
            var kept = new JsonArray();
            foreach (var attachment in manifest["attachments"]!.AsArray().Select(a => a!.AsObject()))
            {
                if (attachment["candidate"]!.GetValue<string>() != id.ToString())
                {
                    used.Add(attachment["digest"]!.GetValue<string>()[3..]);
                    kept.Add(attachment.DeepClone());
                }
            }
            manifest["attachments"] = kept;
            manifest["counts"]!["attachments"] = kept.Count;
        });
        entries.RemoveAll(e => e.Name.StartsWith("artifacts/", StringComparison.Ordinal) && !used.Contains(e.Name["artifacts/".Length..]));
        ArchiveCrafter.RefreshManifest(entries);
    }

    /// <summary>
    /// Imports <paramref name="archive"/> into the target, expecting a rejection naming <paramref name="entry"/>
    /// (when given) and containing <paramref name="phrase"/> (and <paramref name="otherPhrase"/>), and checks the
    /// target is untouched: same full listing, same database file bytes.
    /// </summary>
    public WorkspaceArchiveException AssertRejected(string archive, string? entry, string phrase, string? otherPhrase = null, WorkspaceArchiveLimits? limits = null)
    {
        var listing = StoreSnapshot.Listing(Target);
        var hash = StoreSnapshot.FileHash(Target.DatabasePath);

        var error = Assert.ThrowsExactly<WorkspaceArchiveException>(() => WorkspaceArchive.Import(Target, archive, limits));

        if (entry is not null)
        {
            Assert.AreEqual(entry, error.EntryName, error.Message);
            StringAssert.Contains(error.Message, $"entry '{entry}'");
        }
        StringAssert.Contains(error.Message, Path.GetFullPath(archive));
        StringAssert.Contains(error.Message, phrase);
        if (otherPhrase is not null)
        {
            StringAssert.Contains(error.Message, otherPhrase);
        }
        StringAssert.Contains(error.Message, "Nothing was imported; the workspace is unchanged.");
        Assert.AreEqual(listing, StoreSnapshot.Listing(Target));
        Assert.AreEqual(hash, StoreSnapshot.FileHash(Target.DatabasePath));
        return error;
    }

    public void Dispose()
    {
        Source.Dispose();
        Target.Dispose();
        _directory.Dispose();
    }
}
