namespace Sigil.Candidates.Applying;

/// <summary>A source file an edit changes (in any way, trivia included): its text before and after.</summary>
/// <param name="Path">The file's path, as among the sources.</param>
/// <param name="Before">The parent's text.</param>
/// <param name="After">The edited text (line endings kept as the file had them).</param>
public sealed record FileChange(string Path, string Before, string After);
