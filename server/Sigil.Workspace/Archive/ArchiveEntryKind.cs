namespace Sigil.Workspace.Archive;

/// <summary>The kinds of entry a workspace archive holds.</summary>
internal enum ArchiveEntryKind
{
    Manifest,
    Candidate,
    Evaluation,
    Membership,
    Artifact,
    Run,
    Trial,
}
