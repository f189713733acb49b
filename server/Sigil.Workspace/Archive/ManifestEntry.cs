namespace Sigil.Workspace.Archive;

/// <summary>One entry listed in <c>manifest.json</c>: its path, the BLAKE3 of its bytes and its size.</summary>
internal sealed record ManifestEntry(string Path, string Digest, long Size);
