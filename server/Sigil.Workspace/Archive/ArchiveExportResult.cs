namespace Sigil.Workspace.Archive;

/// <summary>What <see cref="WorkspaceArchive.Export"/> wrote.</summary>
/// <param name="ArchivePath">The full path of the archive written.</param>
/// <param name="Candidates">Candidates exported (candidate entries: each candidate's content, once).</param>
/// <param name="Evaluations">Evaluations exported.</param>
/// <param name="Artifacts">Distinct artifact blobs exported.</param>
/// <param name="Attachments">Artifact attachments (candidate, name, digest) exported.</param>
/// <param name="ManifestDigest">
/// BLAKE3 of the archive's <c>manifest.json</c>, <c>b3:&lt;hex&gt;</c>: the archive's content identity (the same
/// workspace content always yields the same manifest, on any platform).
/// </param>
public sealed record ArchiveExportResult(string ArchivePath, int Candidates, int Evaluations, int Artifacts, int Attachments, string ManifestDigest)
{
    /// <summary>
    /// Membership entries exported: further specs and workspaces holding an exported candidate, beyond the one its
    /// candidate entry carries.
    /// </summary>
    public int Memberships { get; init; }

    /// <summary>Runs exported (run entries).</summary>
    public int Runs { get; init; }

    /// <summary>Trials exported (trial entries), every trial of every exported run.</summary>
    public int Trials { get; init; }
}
