namespace Sigil.Workspace.Errors;

/// <summary>
/// A record was refused because it refers to a candidate the workspace does not hold (an unknown parent, or an
/// evaluation or artifact for an unknown candidate). Insert the referenced candidate first.
/// </summary>
public sealed class WorkspaceReferenceException : WorkspaceException
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public WorkspaceReferenceException(string message)
        : base(message)
    {
    }
}
