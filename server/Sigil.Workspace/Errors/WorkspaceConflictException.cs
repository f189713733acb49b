namespace Sigil.Workspace.Errors;

/// <summary>
/// A write was refused because it would change something already written, for instance attaching different bytes
/// under an artifact name the candidate already uses. Workspaces are insert-only: write under a new name instead.
/// </summary>
public sealed class WorkspaceConflictException : WorkspaceException
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public WorkspaceConflictException(string message)
        : base(message)
    {
    }
}
