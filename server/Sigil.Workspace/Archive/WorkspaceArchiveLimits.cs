using Sigil.Workspace.Model;

namespace Sigil.Workspace.Archive;

/// <summary>
/// Bounds an import enforces before trusting an archive, so a hostile or broken file cannot exhaust memory (import
/// holds the whole archive in memory while verifying it).
/// </summary>
public sealed record WorkspaceArchiveLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static WorkspaceArchiveLimits Default { get; } = new();

    /// <summary>Most entries in one archive.</summary>
    public int MaxEntries { get; init; } = 1_000_000;

    /// <summary>Most bytes the archive may decompress to, all entries and tar headers together.</summary>
    public long MaxTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest <c>manifest.json</c>, in bytes.</summary>
    public int MaxManifestBytes { get; init; } = 256 * 1024 * 1024;

    /// <summary>Largest candidate, membership, evaluation, run or trial JSON entry, in bytes.</summary>
    public int MaxRecordBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Largest artifact entry, in bytes.</summary>
    public int MaxArtifactBytes { get; init; } = WorkspaceLimits.MaxArtifactBytes;
}
