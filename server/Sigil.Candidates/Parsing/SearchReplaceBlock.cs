namespace Sigil.Candidates.Parsing;

/// <summary>
/// One Aider-style block: the exact lines to find and the lines to put in their place. Both texts hold whole lines,
/// each terminated by <c>\n</c> (so <c>""</c> is no line and <c>"\n"</c> is one empty line).
/// </summary>
/// <param name="FilePath">The file named on the line before the block, as written; <c>null</c> means the pin's file.</param>
/// <param name="Search">The lines to find.</param>
/// <param name="Replace">The lines that replace them (empty to delete).</param>
public sealed record SearchReplaceBlock(string? FilePath, string Search, string Replace)
{
    /// <summary>The SEARCH lines, without terminators.</summary>
    public IReadOnlyList<string> SearchLines => TextLines.Split(Search);

    /// <summary>The REPLACE lines, without terminators.</summary>
    public IReadOnlyList<string> ReplaceLines => TextLines.Split(Replace);
}
