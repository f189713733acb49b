using System.Buffers.Binary;
using System.Collections;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using static Sigil.Runtime.Tracking.SampleLogFormat;

namespace Sigil.Runtime.Tracking;

/// <summary>
/// Encodes an input or output value into a frame. Where raw values are permitted: scalars exactly, other values as
/// raw JSON followed by their sketch. Otherwise only a sketch: a scalar's hash, sign and power-of-two magnitude;
/// a string's length and hash; a numeric sequence's count, hash, min, max and mean; the size and hash of the JSON
/// of anything else. A sensitive value keeps nothing but its size.
/// </summary>
internal static class ValueSketcher
{
    private static readonly JsonSerializerOptions s_json = new() { IncludeFields = true, MaxDepth = 32 };

    public static void Encode<T>(FrameWriter writer, T value, bool sensitive, bool raw)
    {
        if (value is null)
        {
            writer.U8((byte)ValueTag.Null);
            return;
        }
        if (sensitive)
        {
            writer.U8((byte)ValueTag.Redacted);
            writer.U32((uint)SizeOf(value));
            return;
        }
        // Fast paths the JIT folds away for the common scalar types (no boxing).
        if (typeof(T) == typeof(int))
        {
            Int(writer, Unsafe.As<T, int>(ref value), raw);
        }
        else if (typeof(T) == typeof(long))
        {
            Int(writer, Unsafe.As<T, long>(ref value), raw);
        }
        else if (typeof(T) == typeof(double))
        {
            Float(writer, Unsafe.As<T, double>(ref value), raw);
        }
        else if (typeof(T) == typeof(bool))
        {
            writer.U8((byte)ValueTag.Bool);
            writer.U8(Unsafe.As<T, bool>(ref value) ? (byte)1 : (byte)0);
        }
        else if (!TrySketchScalar(writer, value, raw) && (!raw || TryWriteRaw(writer, value)))
        {
            SketchObject(writer, value);
        }
    }

    /// <summary>An integer: exact where raw values are permitted, else hash + sign + magnitude.</summary>
    private static void Int(FrameWriter writer, long value, bool raw)
    {
        if (raw)
        {
            writer.U8((byte)ValueTag.Int);
            writer.VarI64(value);
            return;
        }
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        var magnitude = value == 0 ? MagnitudeZero : (short)(63 - System.Numerics.BitOperations.LeadingZeroCount(value == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(value)));
        ScalarSketch(writer, bytes, Math.Sign(value), magnitude);
    }

    /// <summary>A floating-point value: exact where raw values are permitted, else hash + sign + magnitude.</summary>
    private static void Float(FrameWriter writer, double value, bool raw)
    {
        if (raw)
        {
            writer.U8((byte)ValueTag.Float);
            writer.F64(value);
            return;
        }
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        var magnitude = !double.IsFinite(value) ? MagnitudeNotFinite : value == 0 ? MagnitudeZero : (short)Math.Floor(Math.Log2(Math.Abs(value)));
        ScalarSketch(writer, bytes, double.IsNaN(value) ? 0 : Math.Sign(value), magnitude);
    }

    private static void ScalarSketch(FrameWriter writer, ReadOnlySpan<byte> bytes, int sign, short magnitude)
    {
        writer.U8((byte)ValueTag.ScalarSketch);
        writer.U64(XxHash3.HashToUInt64(bytes));
        writer.U8(unchecked((byte)(sbyte)sign));
        writer.U16(unchecked((ushort)magnitude));
    }

    private static bool TrySketchScalar(FrameWriter writer, object value, bool raw)
    {
        switch (value)
        {
            case bool b:
                writer.U8((byte)ValueTag.Bool);
                writer.U8(b ? (byte)1 : (byte)0);
                return true;
            case sbyte or byte or short or ushort or int or uint or long or char:
                Int(writer, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), raw);
                return true;
            case ulong u when u <= long.MaxValue:
                Int(writer, (long)u, raw);
                return true;
            case ulong u:
                Float(writer, u, raw);
                return true;
            case Enum e:
                Int(writer, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture), raw);
                return true;
            case float or double or decimal or Half:
                Float(writer, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), raw);
                return true;
            default:
                return false;
        }
    }

    private static bool TryWriteRaw(FrameWriter writer, object value)
    {
        byte[] json;
        try
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), s_json);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            Unsupported(writer, "raw value not serializable: " + ex.Message);
            return false;
        }
        writer.U8((byte)ValueTag.Raw);
        writer.U32((uint)json.Length);
        writer.Bytes(json);
        return true;
    }

    private static void SketchObject(FrameWriter writer, object value)
    {
        switch (value)
        {
            case string s:
                writer.U8((byte)ValueTag.String);
                writer.U32((uint)s.Length);
                writer.U64(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(s.AsSpan())));
                return;
            case IEnumerable sequence when TrySketchNumbers(writer, sequence):
                return;
            default:
                SketchJson(writer, value);
                return;
        }
    }

    private static bool TrySketchNumbers(FrameWriter writer, IEnumerable sequence)
    {
        var elementType = sequence.GetType().IsArray
            ? sequence.GetType().GetElementType()
            : sequence.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (elementType is null || !IsNumber(elementType))
        {
            return false;
        }
        var hash = new XxHash3();
        Span<byte> bytes = stackalloc byte[8];
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        uint count = 0;
        foreach (var item in sequence)
        {
            var number = Convert.ToDouble(item, System.Globalization.CultureInfo.InvariantCulture);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes, number);
            hash.Append(bytes);
            min = Math.Min(min, number);
            max = Math.Max(max, number);
            sum += number;
            count++;
        }
        writer.U8((byte)ValueTag.NumberSequence);
        writer.U32(count);
        writer.U64(hash.GetCurrentHashAsUInt64());
        writer.F64(count == 0 ? double.NaN : min);
        writer.F64(count == 0 ? double.NaN : max);
        writer.F64(count == 0 ? double.NaN : sum / count);
        return true;
    }

    private static void SketchJson(FrameWriter writer, object value)
    {
        byte[] json;
        try
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), s_json);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            Unsupported(writer, "not sketchable: " + ex.Message);
            return;
        }
        var isSequence = value is IEnumerable;
        writer.U8((byte)(isSequence ? ValueTag.Sequence : ValueTag.Object));
        writer.U32(isSequence ? (uint)CountOf((IEnumerable)value) : (uint)json.Length);
        writer.U64(XxHash3.HashToUInt64(json));
    }

    private static void Unsupported(FrameWriter writer, string reason)
    {
        writer.U8((byte)ValueTag.Unsupported);
        writer.ShortString(reason);
    }

    private static bool IsNumber(Type type) =>
        type.IsPrimitive && type != typeof(bool) && type != typeof(IntPtr) && type != typeof(UIntPtr)
        || type == typeof(decimal) || type == typeof(Half);

    private static int SizeOf(object value) => value switch
    {
        string s => s.Length,
        ICollection c => c.Count,
        IEnumerable e => CountOf(e),
        _ => 1,
    };

    private static int CountOf(IEnumerable sequence)
    {
        if (sequence is ICollection collection)
        {
            return collection.Count;
        }
        var count = 0;
        foreach (var _ in sequence)
        {
            count++;
        }
        return count;
    }
}
