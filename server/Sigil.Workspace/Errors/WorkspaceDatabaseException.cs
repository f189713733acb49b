namespace Sigil.Workspace.Errors;

/// <summary>
/// The workspace database file could not be used: it is locked by another process, unreadable, corrupt, or was
/// written by a newer Sigil. <see cref="DatabasePath"/> names the file; the message says what to do.
/// </summary>
public sealed class WorkspaceDatabaseException : WorkspaceException
{
    /// <summary>Creates the exception for <paramref name="databasePath"/>.</summary>
    public WorkspaceDatabaseException(string databasePath, string message)
        : base(message)
    {
        DatabasePath = databasePath;
    }

    /// <summary>Creates the exception for <paramref name="databasePath"/> with the low-level cause.</summary>
    public WorkspaceDatabaseException(string databasePath, string message, Exception innerException)
        : base(message, innerException)
    {
        DatabasePath = databasePath;
    }

    /// <summary>The full path of the database file concerned.</summary>
    public string DatabasePath { get; }
}
