using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Sigil.Core.Hashing;

namespace Sigil.Workspace.Tests.Archive;

/// <summary>Reads a workspace archive's entries and writes altered copies, to test how import treats tampering.</summary>
internal static class ArchiveCrafter
{
    public const string Manifest = "manifest.json";

    /// <summary>The entries of a .tar.gz, in order.</summary>
    public static List<CraftedEntry> Read(string tarGzPath)
    {
        using var file = File.OpenRead(tarGzPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var entries = new List<CraftedEntry>();
        while (tar.GetNextEntry(copyData: true) is { } entry)
        {
            using var buffer = new MemoryStream();
            entry.DataStream?.CopyTo(buffer);
            entries.Add(new CraftedEntry(entry.Name, buffer.ToArray(), entry.EntryType, entry.LinkName));
        }
        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> as a .tar.gz at <paramref name="tarGzPath"/>.</summary>
    public static void Write(string tarGzPath, IEnumerable<CraftedEntry> entries)
    {
        using var file = File.Create(tarGzPath);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
        foreach (var crafted in entries)
        {
            var entry = new PaxTarEntry(crafted.Type, crafted.Name);
            if (crafted.Type is TarEntryType.SymbolicLink or TarEntryType.HardLink)
            {
                entry.LinkName = crafted.LinkName ?? "/etc/passwd";
            }
            else if (crafted.Type is TarEntryType.RegularFile)
            {
                entry.DataStream = new MemoryStream(crafted.Data);
            }
            tar.WriteEntry(entry);
        }
    }

    /// <summary>Reads <paramref name="source"/>, applies <paramref name="edit"/> and writes the result to <paramref name="target"/>.</summary>
    public static void Rewrite(string source, string target, Action<List<CraftedEntry>> edit)
    {
        var entries = Read(source);
        edit(entries);
        Write(target, entries);
    }

    /// <summary>The first entry whose name starts with <paramref name="prefix"/>.</summary>
    public static CraftedEntry First(List<CraftedEntry> entries, string prefix) =>
        entries.First(e => e.Name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Replaces the entry named like <paramref name="entry"/> with one holding <paramref name="data"/>.</summary>
    public static void ReplaceData(List<CraftedEntry> entries, CraftedEntry entry, byte[] data) =>
        entries[entries.FindIndex(e => e.Name == entry.Name)] = entry with { Data = data };

    /// <summary>Edits the JSON of an entry.</summary>
    public static void EditJson(List<CraftedEntry> entries, string name, Action<JsonObject> edit)
    {
        var index = entries.FindIndex(e => e.Name == name);
        var json = JsonNode.Parse(entries[index].Data)!.AsObject();
        edit(json);
        entries[index] = entries[index] with { Data = Encoding.UTF8.GetBytes(json.ToJsonString()) };
    }

    /// <summary>
    /// Rewrites manifest.json so its entry list, digests, sizes and counts agree with the entries present: a
    /// tamperer covering their tracks, so import has to catch the change with its deeper checks.
    /// </summary>
    public static void RefreshManifest(List<CraftedEntry> entries) => EditJson(entries, Manifest, manifest =>
    {
        var files = entries.Where(e => e.Name != Manifest).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var list = new JsonArray();
        foreach (var file in files)
        {
            list.Add(new JsonObject { ["digest"] = "b3:" + Blake3Digest.Hex(file.Data), ["path"] = file.Name, ["size"] = file.Data.Length });
        }
        manifest["entries"] = list;
        var counts = manifest["counts"]!.AsObject();
        counts["candidates"] = files.Count(f => f.Name.StartsWith("candidates/", StringComparison.Ordinal));
        counts["memberships"] = files.Count(f => f.Name.StartsWith("memberships/", StringComparison.Ordinal));
        counts["evaluations"] = files.Count(f => f.Name.StartsWith("evaluations/", StringComparison.Ordinal));
        counts["artifacts"] = files.Count(f => f.Name.StartsWith("artifacts/", StringComparison.Ordinal));
        if (counts.ContainsKey("runs"))
        {
            counts["runs"] = files.Count(f => f.Name.StartsWith("runs/", StringComparison.Ordinal));
            counts["trials"] = files.Count(f => f.Name.StartsWith("trials/", StringComparison.Ordinal));
        }
    });

    /// <summary>Flips one bit of the byte at the first occurrence of <paramref name="marker"/> in <paramref name="data"/>.</summary>
    public static byte[] FlipByteAt(byte[] data, string marker)
    {
        var index = Encoding.UTF8.GetString(data).IndexOf(marker, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, index, $"'{marker}' is not in the entry.");
        var copy = (byte[])data.Clone();
        copy[Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(data)[..index])] ^= 0x01;
        return copy;
    }
}
