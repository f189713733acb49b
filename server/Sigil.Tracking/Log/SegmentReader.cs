using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;
using Sigil.Tracking.Model;
using static Sigil.Runtime.Tracking.SampleLogFormat;

namespace Sigil.Tracking.Log;

/// <summary>
/// Reads a segment of the sample log. Frames are verified by length and checksum; reading stops at the first frame
/// that is incomplete or fails its checksum (a torn tail), so a killed writer never makes earlier records unreadable.
/// </summary>
public static class SegmentReader
{
    /// <summary>Reads <paramref name="path"/> up to <paramref name="maxLength"/> bytes (all when null).</summary>
    public static SegmentContents Read(string path, long? maxLength = null)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            var length = maxLength is { } max ? Math.Min(max, stream.Length) : stream.Length;
            bytes = new byte[length];
            stream.ReadExactly(bytes);
        }
        return Parse(Path.GetFileName(path), bytes);
    }

    /// <summary>Counts the verified call frames of a segment without decoding them (fast, for large logs).</summary>
    public static long CountCalls(string path) => Summarize(path).Calls;

    /// <summary>
    /// Walks a segment's frames as a stream, verifying each, and decodes only what counting needs (header clock, pin
    /// table, each call's pin index and start time): cheap on logs of millions of records, unlike <see cref="Read"/>.
    /// </summary>
    public static SegmentSummary Summarize(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new BinaryReader(stream);
        var name = Path.GetFileName(path);
        Span<byte> magic = stackalloc byte[8];
        if (stream.Read(magic) != Magic.Length || !magic.SequenceEqual(Magic))
        {
            return new SegmentSummary(name, 0, null, new Dictionary<string, long>());
        }
        SegmentClock? clock = null;
        var pins = new Dictionary<ulong, string>();
        var byPin = new Dictionary<ulong, long>();
        long calls = 0, previousStart = 0;
        var payload = new byte[4096];
        // Walk up to the length seen now: a live writer may append faster than this reads.
        var end = stream.Length;
        while (end - stream.Position >= 8)
        {
            var length = reader.ReadUInt32();
            if (length == 0 || length > MaxPayload || end - stream.Position < length + 4L)
            {
                break;
            }
            if (payload.Length < length)
            {
                payload = new byte[length];
            }
            stream.ReadExactly(payload, 0, (int)length);
            var frame = payload.AsSpan(0, (int)length);
            if (XxHash32.HashToUInt32(frame) != reader.ReadUInt32() || !TrySummarize(frame, ref clock, pins, byPin, ref previousStart))
            {
                break;
            }
            calls += frame[0] == (byte)FrameKind.Call ? 1 : 0;
        }
        var byFunction = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (pin, count) in byPin)
        {
            var function = pins[pin];
            byFunction[function] = byFunction.GetValueOrDefault(function) + count;
        }
        return new SegmentSummary(name, calls, calls > 0 && clock is { } c ? c.ToUtc(previousStart) : null, byFunction);
    }

    private static bool TrySummarize(ReadOnlySpan<byte> frame, ref SegmentClock? clock, Dictionary<ulong, string> pins, Dictionary<ulong, long> byPin, ref long previousStart)
    {
        try
        {
            switch ((FrameKind)frame[0])
            {
                case FrameKind.Header:
                    clock = SegmentClock.FromHeader(JsonDocument.Parse(frame[1..].ToArray()).RootElement);
                    previousStart = clock.Value.Stopwatch;
                    return true;
                case FrameKind.Pin:
                    using (var pin = JsonDocument.Parse(frame[3..].ToArray()))
                    {
                        pins[BinaryPrimitives.ReadUInt16LittleEndian(frame[1..])] = pin.RootElement.GetProperty("function_id").GetString()!;
                    }
                    return true;
                case FrameKind.Call when clock is not null:
                    var decoder = new ValueDecoder(frame, 1);
                    var index = decoder.VarU64();
                    decoder.U8();
                    previousStart += decoder.VarI64();
                    if (!pins.ContainsKey(index))
                    {
                        return false;
                    }
                    byPin[index] = byPin.GetValueOrDefault(index) + 1;
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Parses segment bytes.</summary>
    public static SegmentContents Parse(string name, ReadOnlySpan<byte> bytes)
    {
        var records = new List<SampleRecord>();
        var digests = new List<uint>();
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            return new SegmentContents(name, 0, records, bytes.Length > 0, digests);
        }
        var state = new SegmentState(name);
        var offset = Magic.Length;
        while (offset + 4 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
            if (length == 0 || length > MaxPayload || offset + 8 + (long)length > bytes.Length)
            {
                break;
            }
            var payload = bytes.Slice(offset + 4, (int)length);
            var checksum = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 4 + (int)length)..]);
            if (XxHash32.HashToUInt32(payload) != checksum || !TryApply(state, payload, records))
            {
                break;
            }
            if (records.Count > digests.Count)
            {
                digests.Add(checksum);
            }
            offset += 8 + (int)length;
        }
        return new SegmentContents(name, offset, records, offset < bytes.Length, digests);
    }

    private static bool TryApply(SegmentState state, ReadOnlySpan<byte> payload, List<SampleRecord> records)
    {
        try
        {
            switch ((FrameKind)payload[0])
            {
                case FrameKind.Header:
                    state.ApplyHeader(JsonDocument.Parse(payload[1..].ToArray()).RootElement.Clone());
                    return true;
                case FrameKind.Pin:
                    var index = BinaryPrimitives.ReadUInt16LittleEndian(payload[1..]);
                    state.Pins[index] = JsonDocument.Parse(payload[3..].ToArray()).RootElement.Clone();
                    return true;
                case FrameKind.Call:
                    records.Add(state.DecodeCall(payload));
                    return true;
                default:
                    return false;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }
}
