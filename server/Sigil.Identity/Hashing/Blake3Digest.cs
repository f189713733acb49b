using System.Text;

namespace Sigil.Core.Hashing;

/// <summary>BLAKE3 digests as lowercase hex, the form every Sigil identity uses.</summary>
public static class Blake3Digest
{
    /// <summary>Length of a digest in hex characters (32 bytes).</summary>
    public const int HexLength = 64;

    /// <summary>BLAKE3 of <paramref name="data"/>, lowercase hex.</summary>
    public static string Hex(ReadOnlySpan<byte> data) => Blake3.Hasher.Hash(data).ToString();

    /// <summary>BLAKE3 of the UTF-8 bytes of <paramref name="text"/>, lowercase hex.</summary>
    public static string Hex(string text) => Hex(Encoding.UTF8.GetBytes(text));

    /// <summary>BLAKE3 of a whole stream, lowercase hex.</summary>
    public static string Hex(Stream stream)
    {
        using var hasher = Blake3.Hasher.New();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hasher.Update(buffer.AsSpan(0, read));
        }
        return hasher.Finalize().ToString();
    }

    /// <summary>True when <paramref name="value"/> is exactly 64 lowercase hex characters.</summary>
    public static bool IsDigest(string? value) => value is { Length: HexLength } && value.All(IsLowerHex);

    internal static bool IsLowerHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f';
}
