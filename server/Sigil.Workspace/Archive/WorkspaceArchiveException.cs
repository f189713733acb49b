using Sigil.Workspace.Errors;

namespace Sigil.Workspace.Archive;

/// <summary>
/// A workspace archive was refused on import because it is tampered with, corrupt, truncated, unsafe or
/// inconsistent with the workspace. Verification runs completely before anything is written, so when this is thrown
/// the workspace is unchanged. The message names the archive, the offending entry and what to do.
/// </summary>
public sealed class WorkspaceArchiveException : WorkspaceException
{
    /// <summary>Creates the exception; <paramref name="message"/> is the complete, user-facing message.</summary>
    public WorkspaceArchiveException(string archivePath, string? entryName, string message)
        : base(message)
    {
        ArchivePath = archivePath;
        EntryName = entryName;
    }

    /// <summary>Creates the exception with the low-level cause.</summary>
    public WorkspaceArchiveException(string archivePath, string? entryName, string message, Exception innerException)
        : base(message, innerException)
    {
        ArchivePath = archivePath;
        EntryName = entryName;
    }

    /// <summary>The archive file concerned.</summary>
    public string ArchivePath { get; }

    /// <summary>The entry at fault (for example <c>candidates/&lt;hex&gt;.json</c>), or <c>null</c> when the whole file is.</summary>
    public string? EntryName { get; }
}
