namespace Sigil.Workspace.Errors;

/// <summary>
/// A record was refused because it is not valid as written: its content-addressed id does not match its content,
/// a name breaks the naming rules, a size limit is exceeded, or it contradicts its parent.
/// </summary>
public sealed class WorkspaceIntegrityException : WorkspaceException
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public WorkspaceIntegrityException(string message)
        : base(message)
    {
    }
}
