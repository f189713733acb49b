namespace Sigil.Publishing.Rewriting;

/// <summary>One file's new content, computed before anything is written.</summary>
/// <param name="Path">Relative to the repository root, forward slashes.</param>
/// <param name="FullPath">Where it is on disk.</param>
/// <param name="Content">The new bytes (same encoding, BOM and line endings as before).</param>
internal sealed record FileRewrite(string Path, string FullPath, byte[] Content);
