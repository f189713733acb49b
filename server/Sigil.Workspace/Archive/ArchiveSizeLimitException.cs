namespace Sigil.Workspace.Archive;

/// <summary>Thrown by <see cref="CrcCountingStream"/> when an archive decompresses past its limit.</summary>
internal sealed class ArchiveSizeLimitException() : Exception("The archive decompresses past its size limit.");
