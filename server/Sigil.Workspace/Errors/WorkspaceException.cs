namespace Sigil.Workspace.Errors;

/// <summary>
/// The base of every error the workspace reports on purpose. Each message says what went wrong, which file or record
/// it concerns and what to do about it, so a CLI can print it as is.
/// </summary>
public class WorkspaceException : Exception
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public WorkspaceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a complete, user-facing message and the low-level cause.</summary>
    public WorkspaceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
