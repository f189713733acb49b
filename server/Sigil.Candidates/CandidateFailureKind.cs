namespace Sigil.Candidates;

/// <summary>
/// Why a generator's answer did not become a candidate. The names are stable (they are stored in the workspace and
/// fed back into the next prompt): add new kinds at the end, never rename or renumber.
/// </summary>
public enum CandidateFailureKind
{
    /// <summary>The answer is empty or only whitespace.</summary>
    Empty = 1,

    /// <summary>The answer holds neither a SEARCH/REPLACE block nor a fenced C# code block.</summary>
    NoEditFound = 2,

    /// <summary>SEARCH/REPLACE markers are unbalanced or out of order, or a code fence is never closed.</summary>
    MalformedBlock = 3,

    /// <summary>The answer has fenced code, but none of it is C#.</summary>
    NotCSharp = 4,

    /// <summary>The C# code is not exactly one method declaration (several members, a class, statements, syntax errors).</summary>
    NotOneMethod = 5,

    /// <summary>A SEARCH/REPLACE block names a file that is not (or not unambiguously) one of the project's source files.</summary>
    UnknownFile = 6,

    /// <summary>A SEARCH section is empty, so there is nothing to locate the replacement by.</summary>
    EmptySearch = 7,

    /// <summary>A SEARCH section matches no lines of its file, exactly or ignoring indentation.</summary>
    SearchNotFound = 8,

    /// <summary>A SEARCH section matches more than one place.</summary>
    SearchAmbiguous = 9,

    /// <summary>The edited source has syntax errors.</summary>
    ParseError = 10,

    /// <summary>The edit renames the pinned method or changes its parameters, return type or modifiers (or removes it).</summary>
    SignatureChanged = 11,

    /// <summary>The edit changes or removes the pin's <c>[Improve]</c> attribute (that is configuration, not code).</summary>
    PinAttributeChanged = 12,

    /// <summary>The edit changes code outside what the options allow (other members, other files).</summary>
    OutOfScope = 13,

    /// <summary>The edit changes nothing, or only whitespace, comments or other trivia.</summary>
    NoChange = 14,
}
