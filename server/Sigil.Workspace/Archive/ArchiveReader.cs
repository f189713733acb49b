using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;

namespace Sigil.Workspace.Archive;

/// <summary>
/// Reads a workspace <c>.tar.gz</c> into memory, refusing on the way unsafe or unknown entry names, non-file
/// entries, duplicates and anything past the limits, and finally checking the gzip trailer (CRC-32 and length) so a
/// file cut anywhere is detected.
/// </summary>
internal static class ArchiveReader
{
    private const int GzipTrailerLength = 8;

    public static ArchiveContents Read(string archivePath, WorkspaceArchiveLimits limits)
    {
        FileStream file;
        try
        {
            file = new FileStream(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ArchiveErrors.Reject(archivePath, null, $"could not be opened ({e.Message}).", "Check the path and the file's permissions.", e);
        }
        using (file)
        {
            var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            byte[]? manifest = null;
            string? last = null;
            var counting = new CrcCountingStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), limits.MaxTotalBytes);
            try
            {
                using var tar = new TarReader(counting, leaveOpen: true);
                while (tar.GetNextEntry(copyData: false) is { } entry)
                {
                    var name = entry.Name;
                    if (entry.EntryType == TarEntryType.Directory && ArchiveEntryNames.IsFolder(name))
                    {
                        throw ArchiveErrors.Reject(archivePath, name,
                            "is a directory entry; a workspace archive holds regular files only (was it repacked by hand?).");
                    }
                    if (ArchiveEntryNames.UnsafeReason(name) is { } unsafeReason)
                    {
                        throw ArchiveErrors.Reject(archivePath, name, $"{unsafeReason}; a workspace archive only holds manifest.json, candidates/, memberships/, evaluations/, runs/, trials/ and artifacts/ files.", ArchiveErrors.Unsafe);
                    }
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    {
                        throw ArchiveErrors.Reject(archivePath, name, $"is a {entry.EntryType} entry; a workspace archive holds regular files only.", ArchiveErrors.Unsafe);
                    }
                    var kind = ArchiveEntryNames.Classify(name) ?? throw ArchiveErrors.Reject(archivePath, name,
                        $"is not part of the workspace archive format (expected {ArchiveEntryNames.Expected}).");
                    if (entries.Count + (manifest is null ? 0 : 1) >= limits.MaxEntries)
                    {
                        throw ArchiveErrors.Reject(archivePath, name, $"is past the limit of {limits.MaxEntries} entries per archive.");
                    }
                    long max = kind switch
                    {
                        ArchiveEntryKind.Manifest => limits.MaxManifestBytes,
                        ArchiveEntryKind.Artifact => limits.MaxArtifactBytes,
                        _ => limits.MaxRecordBytes,
                    };
                    if (entry.Length > max)
                    {
                        throw ArchiveErrors.Reject(archivePath, name, $"is {entry.Length} bytes, over the limit of {max} for its kind.");
                    }
                    if (entries.ContainsKey(name) || (kind == ArchiveEntryKind.Manifest && manifest is not null))
                    {
                        throw ArchiveErrors.Reject(archivePath, name, "appears more than once.");
                    }
                    var bytes = new byte[entry.Length];
                    entry.DataStream?.ReadExactly(bytes);
                    if (kind == ArchiveEntryKind.Manifest)
                    {
                        manifest = bytes;
                    }
                    else
                    {
                        entries.Add(name, bytes);
                    }
                    last = name;
                }
                counting.CopyTo(Stream.Null);
            }
            catch (ArchiveSizeLimitException e)
            {
                throw ArchiveErrors.Reject(archivePath, null, $"decompresses to more than {limits.MaxTotalBytes} bytes, the limit for one archive.", ArchiveErrors.Reexport, e);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or IOException or ArgumentException or InvalidOperationException)
            {
                var where = last is null ? "at its start" : $"after entry '{last}'";
                throw ArchiveErrors.Reject(archivePath, null, $"is truncated or corrupt {where} ({e.Message}).", ArchiveErrors.Damaged, e);
            }
            finally
            {
                counting.Dispose();
            }
            CheckGzipTrailer(archivePath, file, counting);
            return manifest is null
                ? throw ArchiveErrors.Reject(archivePath, ArchiveEntryNames.Manifest, "is missing, so the archive cannot be verified.")
                : new ArchiveContents(manifest, entries);
        }
    }

    /// <summary>Compares the CRC-32 and length in the gzip trailer (the file's last 8 bytes) with what was decompressed.</summary>
    private static void CheckGzipTrailer(string archivePath, FileStream file, CrcCountingStream decompressed)
    {
        Span<byte> trailer = stackalloc byte[GzipTrailerLength];
        if (file.Length < GzipTrailerLength)
        {
            throw ArchiveErrors.Reject(archivePath, null, "is too short to be a gzip file.", ArchiveErrors.Damaged);
        }
        file.Seek(-GzipTrailerLength, SeekOrigin.End);
        file.ReadExactly(trailer);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (crc != decompressed.Crc || length != unchecked((uint)decompressed.Total))
        {
            throw ArchiveErrors.Reject(archivePath, null,
                "is truncated or corrupt: its gzip checksum does not match its content.", ArchiveErrors.Damaged);
        }
    }
}
