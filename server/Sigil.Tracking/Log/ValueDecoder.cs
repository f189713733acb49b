using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sigil.Tracking.Model;
using static Sigil.Runtime.Tracking.SampleLogFormat;

namespace Sigil.Tracking.Log;

/// <summary>Decodes the values of a call frame (see <see cref="Sigil.Runtime.Tracking.SampleLogFormat.ValueTag"/>).</summary>
internal ref struct ValueDecoder(ReadOnlySpan<byte> payload, int offset)
{
    private readonly ReadOnlySpan<byte> _payload = payload;

    public int Offset { get; private set; } = offset;

    public byte U8() => _payload[Offset++];

    public ushort U16()
    {
        var value = BinaryPrimitives.ReadUInt16LittleEndian(_payload[Offset..]);
        Offset += 2;
        return value;
    }

    public uint U32()
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_payload[Offset..]);
        Offset += 4;
        return value;
    }

    public long I64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(_payload[Offset..]);
        Offset += 8;
        return value;
    }

    public ulong U64()
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(_payload[Offset..]);
        Offset += 8;
        return value;
    }

    public ulong VarU64()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = _payload[Offset++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new InvalidDataException("varint longer than 10 bytes");
    }

    public long VarI64()
    {
        var raw = VarU64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public double F64()
    {
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_payload[Offset..]);
        Offset += 8;
        return value;
    }

    public ReadOnlySpan<byte> Bytes(int count)
    {
        var bytes = _payload.Slice(Offset, count);
        Offset += count;
        return bytes;
    }

    public string ShortString() => Encoding.UTF8.GetString(Bytes(U16()));

    public ValueSummary Value(string type)
    {
        var tag = (ValueTag)U8();
        JsonElement? raw = null;
        if (tag == ValueTag.Raw)
        {
            raw = JsonDocument.Parse(Bytes((int)U32()).ToArray()).RootElement.Clone();
            tag = (ValueTag)U8();
        }
        var summary = tag switch
        {
            ValueTag.Null => new ValueSummary { Type = type, Kind = "null", Size = 0 },
            ValueTag.None => new ValueSummary { Type = type, Kind = "none" },
            ValueTag.Int => Exact(type, "int", VarI64().ToString(CultureInfo.InvariantCulture)),
            ValueTag.Float => Exact(type, "float", Number(F64())),
            ValueTag.ScalarSketch => ScalarSketch(type),
            ValueTag.Bool => Scalar(type, "bool", U8() != 0 ? "true" : "false"),
            ValueTag.String => new ValueSummary { Type = type, Kind = "string", Size = U32(), Hash = Hash(U64()) },
            ValueTag.NumberSequence => Numbers(type),
            ValueTag.Sequence => new ValueSummary { Type = type, Kind = "sequence", Size = U32(), Hash = Hash(U64()) },
            ValueTag.Object => new ValueSummary { Type = type, Kind = "object", Size = U32(), Hash = Hash(U64()) },
            ValueTag.Redacted => new ValueSummary { Type = type, Kind = "redacted", Size = U32() },
            ValueTag.Unsupported => new ValueSummary { Type = type, Kind = "unsupported", Note = ShortString() },
            _ => throw new InvalidDataException($"unknown value tag {(byte)tag}"),
        };
        return raw is null ? summary : summary with { Raw = raw };
    }

    private ValueSummary Numbers(string type)
    {
        var count = U32();
        var hash = Hash(U64());
        var (min, max, mean) = (F64(), F64(), F64());
        return new ValueSummary
        {
            Type = type,
            Kind = "numbers",
            Size = count,
            Hash = hash,
            Numeric = count == 0 ? null : new NumericSummary(min, max, mean),
        };
    }

    /// <summary>An exact scalar is its own raw value (stored only where raw values are permitted).</summary>
    private static ValueSummary Exact(string type, string kind, string json)
    {
        var summary = Scalar(type, kind, json);
        return summary with { Raw = summary.Value };
    }

    private ValueSummary ScalarSketch(string type)
    {
        var hash = Hash(U64());
        var sign = unchecked((sbyte)U8());
        var log2 = unchecked((short)U16());
        return new ValueSummary
        {
            Type = type,
            Kind = "scalar",
            Size = 1,
            Hash = hash,
            Magnitude = new ScalarMagnitude(sign, log2 is MagnitudeZero or MagnitudeNotFinite ? null : log2, log2 != MagnitudeNotFinite),
        };
    }

    private static ValueSummary Scalar(string type, string kind, string json) =>
        new() { Type = type, Kind = kind, Size = 1, Value = JsonDocument.Parse(json).RootElement.Clone() };

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : JsonSerializer.Serialize(value.ToString(CultureInfo.InvariantCulture));

    private static string Hash(ulong value) => "xxh3:" + value.ToString("x16", CultureInfo.InvariantCulture);
}
