namespace Sigil.Candidates.Applying;

/// <summary>What an edit may change besides the pinned method.</summary>
public enum EditScope
{
    /// <summary>Only the pinned method's declaration (its body, its non-<c>[Improve]</c> attributes, its comments).</summary>
    PinOnly = 0,

    /// <summary>
    /// Also the other members of the pin's containing type (adding, changing or removing them, nested types included),
    /// the type's own declaration, and the using directives of the pin's file. Other files stay untouched.
    /// </summary>
    ContainingType = 1,

    /// <summary>Anything in any of the project's existing source files (multi-file edits).</summary>
    Project = 2,
}
