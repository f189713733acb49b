namespace Sigil.Runtime.Tracking;

/// <summary>
/// The on-disk format of the sample log, shared by the writer (here) and the reader (Sigil.Tracking).
/// A log is a folder of segment files <c>.sigil/samples/*.slog</c>, one per writing process and tracking session,
/// so several processes append at once without locks. A segment is <see cref="Magic"/> followed by frames
/// <c>[u32 length][payload][u32 xxhash32(payload)]</c>, little-endian. A torn last frame (the process was killed
/// mid-write) fails its length or checksum and is skipped by readers; every frame before it stays readable.
/// A segment is made read-only when its writer closes it (sealed); nothing ever rewrites a frame.
/// See docs/decisions/0003-sample-log.md.
/// </summary>
public static class SampleLogFormat
{
    /// <summary>First bytes of every segment.</summary>
    public static ReadOnlySpan<byte> Magic => "SIGLOG1\n"u8;

    /// <summary>Segment file extension.</summary>
    public const string Extension = ".slog";

    /// <summary>Folder of segments inside <c>.sigil</c>.</summary>
    public const string FolderName = "samples";

    /// <summary>Largest payload a reader accepts (guards against a corrupt length).</summary>
    public const int MaxPayload = 64 * 1024 * 1024;

    /// <summary>The log2 magnitude recorded for a zero scalar.</summary>
    public const short MagnitudeZero = short.MinValue;

    /// <summary>The log2 magnitude recorded for NaN or an infinity.</summary>
    public const short MagnitudeNotFinite = short.MaxValue;

    /// <summary>Frame kinds (first payload byte).</summary>
    public enum FrameKind : byte
    {
        /// <summary>UTF-8 JSON: process, clock base, environment.</summary>
        Header = 1,

        /// <summary>UTF-8 JSON after a u16 pin index: the pin's identity and settings.</summary>
        Pin = 2,

        /// <summary>
        /// Binary: one pinned call: varint pin index, u8 flags, zigzag varint start-timestamp delta (Stopwatch ticks
        /// since the previous call frame of the segment, or since the header's clock base), varint latency ns,
        /// varint CPU ns (only with <see cref="CallFlags.CpuSampled"/>), varint allocated bytes (not with
        /// <see cref="CallFlags.AllocUnknown"/>), f64 score, the inputs, the output, then the exception types named by
        /// the flags. A call's sequence number is its position among the segment's call frames (from 1).
        /// </summary>
        Call = 3,
    }

    /// <summary>Flags of a call frame.</summary>
    [Flags]
    public enum CallFlags : byte
    {
        /// <summary>Nothing special.</summary>
        None = 0,

        /// <summary>The pinned method threw; the frame ends with the exception type.</summary>
        Fault = 1,

        /// <summary>The eval function threw; the score is NaN and the frame ends with the exception type.</summary>
        EvalError = 2,

        /// <summary>CPU time was measured for this call.</summary>
        CpuSampled = 4,

        /// <summary>Allocated bytes are unknown (async pins resume on other threads).</summary>
        AllocUnknown = 8,
    }

    /// <summary>Tags of encoded values (inputs and outputs).</summary>
    public enum ValueTag : byte
    {
        /// <summary>null.</summary>
        Null = 0,

        /// <summary>zigzag varint: an integer scalar, exact (only where raw values are permitted).</summary>
        Int = 1,

        /// <summary>f64: a floating-point or decimal scalar, exact (only where raw values are permitted).</summary>
        Float = 2,

        /// <summary>u8: a boolean.</summary>
        Bool = 3,

        /// <summary>u32 length, u64 xxh3: a string.</summary>
        String = 4,

        /// <summary>u32 count, u64 xxh3, f64 min, f64 max, f64 mean: a sequence of numbers.</summary>
        NumberSequence = 5,

        /// <summary>u32 count, u64 xxh3 of its JSON: any other sequence.</summary>
        Sequence = 6,

        /// <summary>u32 JSON size, u64 xxh3 of its JSON: any other object.</summary>
        Object = 7,

        /// <summary>u32 size: a sensitive value, nothing else kept.</summary>
        Redacted = 8,

        /// <summary>u32 length, UTF-8 JSON of the raw value, then the value's sketch (another tag).</summary>
        Raw = 9,

        /// <summary>u16 length, UTF-8 reason: the value could not be sketched.</summary>
        Unsupported = 10,

        /// <summary>No value: a void result or a faulted call.</summary>
        None = 11,

        /// <summary>
        /// A numeric scalar where raw values are not permitted: u64 xxh3 of its 8 bytes, i8 sign (-1, 0, 1),
        /// i16 floor(log2(|x|)) (<see cref="MagnitudeZero"/> for 0, <see cref="MagnitudeNotFinite"/> for NaN/∞).
        /// </summary>
        ScalarSketch = 12,
    }
}
