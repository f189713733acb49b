using System.Text;

namespace Sigil.Publishing.Rewriting;

/// <summary>
/// A source file's text with the encoding (and byte-order mark) it was read with, so that writing it back changes no
/// byte that the text did not change. UTF-8 with or without a BOM, UTF-16 and UTF-32 with a BOM are supported.
/// </summary>
internal sealed class EncodedText
{
    private EncodedText(Encoding encoding, string text)
    {
        Encoding = encoding;
        Text = text;
    }

    /// <summary>The encoding, its preamble being the file's BOM (empty for UTF-8 without one).</summary>
    public Encoding Encoding { get; }

    /// <summary>The decoded text, line endings as in the file.</summary>
    public string Text { get; }

    /// <summary>The decoded file, or null when its bytes do not decode and encode back to exactly the same bytes.</summary>
    public static EncodedText? TryDecode(byte[] bytes)
    {
        var encoding = Detect(bytes);
        var preamble = encoding.GetPreamble().Length;
        try
        {
            var decoded = new EncodedText(encoding, encoding.GetString(bytes, preamble, bytes.Length - preamble));
            return decoded.Encode(decoded.Text).AsSpan().SequenceEqual(bytes) ? decoded : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary><paramref name="text"/> as bytes in this file's encoding, BOM included when the file had one.</summary>
    public byte[] Encode(string text)
    {
        var preamble = Encoding.GetPreamble();
        var body = Encoding.GetBytes(text);
        return [.. preamble, .. body];
    }

    private static Encoding Detect(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
        [0xFF, 0xFE, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true),
        [0x00, 0x00, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: true),
        [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
        [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
    };
}
