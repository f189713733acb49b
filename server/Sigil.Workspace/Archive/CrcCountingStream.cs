using System.IO.Hashing;

namespace Sigil.Workspace.Archive;

/// <summary>
/// A read-only pass-through that computes the CRC-32 (the gzip one) and length of what is read, and stops at a byte
/// limit. Used to check a gzip trailer, which .NET's <see cref="System.IO.Compression.GZipStream"/> does not verify
/// when the stream is cut right before it.
/// </summary>
internal sealed class CrcCountingStream(Stream inner, long limit) : Stream
{
    private readonly Crc32 _crc = new();

    /// <summary>Bytes read so far.</summary>
    public long Total { get; private set; }

    /// <summary>The CRC-32 of the bytes read so far.</summary>
    public uint Crc => _crc.GetCurrentHashAsUInt32();

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => Total; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Total += read;
        if (Total > limit)
        {
            throw new ArchiveSizeLimitException();
        }
        _crc.Append(buffer[..read]);
        return read;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
