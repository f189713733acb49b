namespace Sigil.Candidates.Parsing;

/// <summary>A whole replacement for the pinned method, from a fenced C# code block.</summary>
/// <param name="MethodSource">The code block's text (LF line endings); it parses as exactly one method declaration.</param>
public sealed record MethodReplacementEdit(string MethodSource) : ProposedEdit;
