using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Sigil.Runtime.Tracking;

/// <summary>A growable little-endian byte buffer that frames payloads as <c>[u32 len][payload][u32 xxh32]</c>.</summary>
internal sealed class FrameWriter
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private int _frameStart = -1;

    public int Length => _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void BeginFrame(SampleLogFormat.FrameKind kind)
    {
        _frameStart = _length;
        Reserve(4);
        _length += 4;
        U8((byte)kind);
    }

    public void EndFrame()
    {
        var payloadStart = _frameStart + 4;
        var payloadLength = _length - payloadStart;
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_frameStart), (uint)payloadLength);
        var checksum = XxHash32.HashToUInt32(_buffer.AsSpan(payloadStart, payloadLength));
        U32(checksum);
        _frameStart = -1;
    }

    /// <summary>Drops a frame begun but not ended (its value could not be encoded).</summary>
    public void AbandonFrame()
    {
        if (_frameStart >= 0)
        {
            _length = _frameStart;
            _frameStart = -1;
        }
    }

    public void U8(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    public void U16(ushort value)
    {
        Reserve(2);
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_length), value);
        _length += 2;
    }

    public void U32(uint value)
    {
        Reserve(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    public void I64(long value)
    {
        Reserve(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void U64(ulong value)
    {
        Reserve(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Unsigned LEB128.</summary>
    public void VarU64(ulong value)
    {
        Reserve(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    /// <summary>Zigzag + LEB128, so small negative numbers stay small.</summary>
    public void VarI64(long value) => VarU64((ulong)((value << 1) ^ (value >> 63)));

    public void F64(double value)
    {
        Reserve(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>u16 byte length + UTF-8, truncated to 4 KiB.</summary>
    public void ShortString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value.Length > 4096 ? value[..4096] : value);
        U16((ushort)bytes.Length);
        Bytes(bytes);
    }

    private void Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
    }
}
