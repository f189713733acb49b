using System.Formats.Tar;

namespace Sigil.Workspace.Tests.Archive;

/// <summary>One tar entry as the crafter reads and writes it.</summary>
internal sealed record CraftedEntry(string Name, byte[] Data, TarEntryType Type = TarEntryType.RegularFile, string? LinkName = null);
