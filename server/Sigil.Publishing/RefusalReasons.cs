namespace Sigil.Publishing;

/// <summary>The stable codes of <see cref="PublishRefusedException.Reason"/> (shown by the CLI, sent by the language server).</summary>
public static class RefusalReasons
{
    /// <summary>The folder is not inside a git working tree (or does not exist).</summary>
    public const string NotARepository = "not-a-repository";

    /// <summary>HEAD is detached: there is no branch to return to.</summary>
    public const string DetachedHead = "detached-head";

    /// <summary>The current branch has no commit yet.</summary>
    public const string NoCommits = "no-commits";

    /// <summary>Files are modified, staged or untracked.</summary>
    public const string DirtyTree = "dirty-tree";

    /// <summary>The branch name is not valid in git.</summary>
    public const string InvalidBranchName = "invalid-branch-name";

    /// <summary>A branch of that name exists already.</summary>
    public const string BranchExists = "branch-exists";

    /// <summary>A file exists already at the patch path.</summary>
    public const string PatchExists = "patch-exists";

    /// <summary>A pin's file path is absolute or leaves the repository.</summary>
    public const string InvalidPath = "invalid-path";

    /// <summary>A pin's file does not exist.</summary>
    public const string FileNotFound = "file-not-found";

    /// <summary>A pin's file exists but git does not track it.</summary>
    public const string FileNotTracked = "file-not-tracked";

    /// <summary>A pin's file is not text Sigil can rewrite without changing other bytes (not UTF-8/16/32).</summary>
    public const string UnsupportedEncoding = "unsupported-encoding";

    /// <summary>The pinned method is not declared in its file, or the name matches several methods.</summary>
    public const string PinNotFound = "pin-not-found";

    /// <summary>Two rewrites name the same method.</summary>
    public const string DuplicatePin = "duplicate-pin";

    /// <summary>The approved method no longer fits the source: another signature, not one method, syntax errors, or the method changed.</summary>
    public const string CandidateDoesNotApply = "candidate-does-not-apply";

    /// <summary>Every approved method is already in the source.</summary>
    public const string NothingToChange = "nothing-to-change";
}
