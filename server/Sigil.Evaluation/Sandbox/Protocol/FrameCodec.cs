using System.Buffers.Binary;

namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>
/// The worker protocol's framing, shared by host and worker (this file is linked into Sigil.Worker): each message is
/// <c>[int32 length, little-endian][length bytes of UTF-8 JSON]</c>. A length that is negative or above the reader's
/// limit, a stream that ends inside a frame, or a body that does not start with <c>{</c> is a
/// <see cref="InvalidDataException"/>: the peer wrote something other than the protocol.
/// </summary>
internal static class FrameCodec
{
    /// <summary>The largest frame the worker accepts from the host (baseline images, samples).</summary>
    public const int MaxRequestBytes = 512 * 1024 * 1024;

    /// <summary>The largest frame the host accepts from the worker (results: per-call latencies, per-sample outcomes).</summary>
    public const int MaxResponseBytes = 64 * 1024 * 1024;

    /// <summary>Writes one frame and flushes.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> body)
    {
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, body.Length);
        stream.Write(header);
        stream.Write(body);
        stream.Flush();
    }

    /// <summary>Writes one frame and flushes.</summary>
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, body.Length);
        await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one frame's body; null when the stream ended cleanly before a frame began.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a frame (see the type's summary).</exception>
    public static byte[]? Read(Stream stream, int maxBytes)
    {
        var header = new byte[4];
        var got = ReadFully(stream, header);
        if (got == 0) return null;
        if (got < header.Length) throw new InvalidDataException("The stream ended inside a frame header.");
        var body = new byte[CheckedLength(header, maxBytes)];
        if (ReadFully(stream, body) < body.Length) throw new InvalidDataException("The stream ended inside a frame.");
        return CheckedBody(body);
    }

    /// <summary>Reads one frame's body; null when the stream ended cleanly before a frame began.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a frame (see the type's summary).</exception>
    public static async Task<byte[]?> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var got = await ReadFullyAsync(stream, header, cancellationToken).ConfigureAwait(false);
        if (got == 0) return null;
        if (got < header.Length) throw new InvalidDataException("The stream ended inside a frame header.");
        var body = new byte[CheckedLength(header, maxBytes)];
        if (await ReadFullyAsync(stream, body, cancellationToken).ConfigureAwait(false) < body.Length)
            throw new InvalidDataException("The stream ended inside a frame.");
        return CheckedBody(body);
    }

    private static int CheckedLength(byte[] header, int maxBytes)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length <= 0 || length > maxBytes)
        {
            var text = new string([.. header.Select(b => b is >= 0x20 and < 0x7F ? (char)b : '.')]);
            throw new InvalidDataException($"A frame header announced {length} bytes (allowed: 1 to {maxBytes}; the bytes read as \"{text}\").");
        }

        return length;
    }

    private static byte[] CheckedBody(byte[] body)
    {
        if (body[0] != (byte)'{') throw new InvalidDataException($"A frame does not hold a JSON object (first byte 0x{body[0]:x2}).");
        return body;
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0) break;
            total += read;
        }

        return total;
    }

    private static async Task<int> ReadFullyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            total += read;
        }

        return total;
    }
}
