namespace Sigil.Workspace.Archive;

/// <summary>Every entry of an archive, read into memory (within limits) but not yet verified.</summary>
/// <param name="Manifest">The bytes of <c>manifest.json</c>.</param>
/// <param name="Entries">Every other entry by path.</param>
internal sealed record ArchiveContents(byte[] Manifest, IReadOnlyDictionary<string, byte[]> Entries);
