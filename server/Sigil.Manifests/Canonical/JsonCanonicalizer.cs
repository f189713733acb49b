using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sigil.Manifests.Canonical;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form that Sigil hashes and signs. Object members are
/// sorted by their names' UTF-16 code units; no whitespace; strings escape only <c>"</c>, <c>\</c> and the control
/// characters (<c>\b \f \n \r \t</c>, else <c>\u00xx</c> in lowercase hex), everything else is literal UTF-8; numbers
/// are IEEE 754 doubles written as ECMAScript does (<see cref="EcmaScriptNumber"/>). Duplicate keys, NaN, infinities
/// and unpaired surrogates are rejected with <see cref="CanonicalJsonException"/>.
/// </summary>
public static class JsonCanonicalizer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses UTF-8 JSON text and returns its canonical bytes.</summary>
    public static byte[] Canonicalize(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json);
        }
        catch (JsonException e)
        {
            throw new CanonicalJsonException($"$: the input is not valid JSON ({e.Message}).");
        }
        using (document)
        {
            return Canonicalize(document.RootElement);
        }
    }

    /// <summary>Parses JSON text and returns its canonical bytes.</summary>
    public static byte[] Canonicalize(string json) => Canonicalize(Encoding.UTF8.GetBytes(json));

    /// <summary>The canonical bytes of a parsed JSON value.</summary>
    public static byte[] Canonicalize(JsonElement element) => Canonicalize(element, []);

    /// <summary>
    /// The canonical bytes of a parsed JSON object without its top-level members named in <paramref name="excluded"/>
    /// (how a signed document's id and signature are left out of what they cover).
    /// </summary>
    public static byte[] Canonicalize(JsonElement element, params string[] excluded)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        var builder = new StringBuilder();
        if (excluded.Length > 0 && element.ValueKind == JsonValueKind.Object)
        {
            WriteObject(builder, element, "$", excluded);
        }
        else
        {
            Write(builder, element, "$");
        }
        return StrictUtf8.GetBytes(builder.ToString());
    }

    /// <summary>The canonical bytes of a JSON node tree (<c>null</c> is the JSON literal <c>null</c>).</summary>
    public static byte[] Canonicalize(JsonNode? node)
    {
        // Written and parsed back, not serialized: JsonSerializer would start its reflection machinery (tens of ms cold).
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                if (node is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    node.WriteTo(writer);
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new CanonicalJsonException($"$: the node tree cannot be written as JSON ({e.Message}).");
        }
        return Canonicalize(buffer.WrittenMemory);
    }

    private static void Write(StringBuilder builder, JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(builder, element, path);
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0)
                    {
                        builder.Append(',');
                    }
                    Write(builder, item, $"{path}[{index}]");
                    index++;
                }
                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, ReadString(element, path), path);
                break;
            case JsonValueKind.Number:
                builder.Append(FormatNumber(element, path));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            default:
                throw new CanonicalJsonException($"{path}: a JSON value of kind {element.ValueKind} cannot be canonicalized.");
        }
    }

    private static void WriteObject(StringBuilder builder, JsonElement element, string path, string[]? excluded = null)
    {
        var members = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in element.EnumerateObject())
        {
            if (excluded is null || Array.IndexOf(excluded, property.Name) < 0)
            {
                members.Add(new(property.Name, property.Value));
            }
        }
        members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < members.Count; i++)
        {
            if (string.Equals(members[i - 1].Key, members[i].Key, StringComparison.Ordinal))
            {
                throw new CanonicalJsonException(
                    $"{path}: the key \"{members[i].Key}\" appears more than once; a signed JSON object must have unique keys.");
            }
        }
        builder.Append('{');
        var first = true;
        foreach (var (name, value) in members)
        {
            if (!first)
            {
                builder.Append(',');
            }
            first = false;
            var memberPath = $"{path}.{name}";
            WriteString(builder, name, memberPath);
            builder.Append(':');
            Write(builder, value, memberPath);
        }
        builder.Append('}');
    }

    private static string ReadString(JsonElement element, string path)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new CanonicalJsonException($"{path}: the string is not valid Unicode ({e.Message}).");
        }
    }

    private static string FormatNumber(JsonElement element, string path)
    {
        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw new CanonicalJsonException(
                $"{path}: the number {element.GetRawText()} is outside the IEEE 754 double range that RFC 8785 allows.");
        }
        return EcmaScriptNumber.Format(value);
    }

    private static void WriteString(StringBuilder builder, string text, string path)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
                    {
                        throw new CanonicalJsonException($"{path}: the string holds an unpaired surrogate U+{(int)c:X4}; it is not valid Unicode.");
                    }
                    builder.Append(c);
                    if (char.IsHighSurrogate(c))
                    {
                        builder.Append(text[++i]);
                    }
                    break;
            }
        }
        builder.Append('"');
    }
}
