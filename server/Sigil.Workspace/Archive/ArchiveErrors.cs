namespace Sigil.Workspace.Archive;

/// <summary>The wording of archive rejections: what is wrong, where, that nothing changed, and what to do.</summary>
internal static class ArchiveErrors
{
    public const string Reexport =
        "Re-export the archive from its source workspace (or get an intact copy) and import that; archives must not be edited by hand.";

    public const string Unsafe =
        "The file was not produced by Sigil and may be malicious: do not extract it or import it.";

    public const string Damaged =
        "The file is incomplete or damaged (an interrupted download or copy?): copy it again from its source and retry.";

    /// <summary>
    /// Builds the rejection: "Workspace archive 'p' was rejected: entry 'e' &lt;problem&gt; Nothing was imported; the
    /// workspace is unchanged. &lt;remedy&gt;". <paramref name="problem"/> continues the sentence and ends with a period.
    /// </summary>
    public static WorkspaceArchiveException Reject(
        string archivePath, string? entry, string problem, string remedy = Reexport, Exception? inner = null)
    {
        var subject = entry is null ? "the file" : $"entry '{entry}'";
        var message = $"Workspace archive '{archivePath}' was rejected: {subject} {problem} Nothing was imported; the workspace is unchanged. {remedy}";
        return inner is null
            ? new WorkspaceArchiveException(archivePath, entry, message)
            : new WorkspaceArchiveException(archivePath, entry, message, inner);
    }
}
