using System.Globalization;
using System.Text;

namespace Sigil.Workspace.Serialization;

/// <summary>
/// Sigil canonical JSON v1, the byte form that content-addressed workspace records are hashed over and archived in:
/// no whitespace; object keys sorted by ordinal UTF-16 order; strings escaped minimally (<c>"</c>, <c>\</c> and
/// control characters only, everything else verbatim UTF-8); integers in invariant decimal; doubles in .NET's
/// shortest round-trip form, with NaN and infinities written as the strings <c>"NaN"</c>, <c>"Infinity"</c>,
/// <c>"-Infinity"</c>. The escaping is written here rather than delegated to System.Text.Json so it can never
/// change with the runtime.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>UTF-8 that throws on lone surrogates instead of silently replacing them.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Serializes a tree of <c>null</c>, <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>,
    /// <see cref="long"/>, <see cref="double"/>, <c>IDictionary&lt;string, object?&gt;</c> (objects) and
    /// <c>IList&lt;object?&gt;</c> (arrays).
    /// </summary>
    public static byte[] Serialize(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return StrictUtf8.GetBytes(builder.ToString());
    }

    /// <summary>The canonical text of a double (see the type's remarks).</summary>
    public static object FormatDouble(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : new RawNumber(value.ToString("R", CultureInfo.InvariantCulture));

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                WriteString(builder, text);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case int number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case long number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                Write(builder, FormatDouble(number));
                break;
            case RawNumber raw:
                builder.Append(raw.Text);
                break;
            case IDictionary<string, object?> obj:
                builder.Append('{');
                var first = true;
                foreach (var key in obj.Keys.Order(StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    Write(builder, obj[key]);
                }
                builder.Append('}');
                break;
            case IList<object?> array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    Write(builder, array[i]);
                }
                builder.Append(']');
                break;
            default:
                throw new ArgumentException($"Canonical JSON cannot represent a {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }
        builder.Append('"');
    }

    /// <summary>A number already in its canonical text.</summary>
    private sealed record RawNumber(string Text);
}
