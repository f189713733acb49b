using System.Globalization;
using System.Text.Json;
using Sigil.Tracking.Model;

namespace Sigil.Evaluation.Samples;

/// <summary>
/// A few characters describing a recorded value for a prompt: <c>x=49.5</c>, <c>flag=true</c>, <c>name="Ada Lovel…"</c>,
/// <c>values=int[16] in [0, 99]</c>, <c>p=Point{"X":1,"Y":2}</c>, <c>p=Point(1234 B)</c>.
/// </summary>
internal static class ValueSketch
{
    private const int MaxText = 24;

    public static string Of(string name, ValueSummary value) => name + "=" + Describe(value);

    private static string Describe(ValueSummary value)
    {
        switch (value.Kind)
        {
            case "null":
                return "null";
            case "int" or "float" or "bool" when (value.Raw ?? value.Value) is { } exact:
                return exact.GetRawText();
            case "string" when value.Raw is { ValueKind: JsonValueKind.String } raw:
                var text = raw.GetString() ?? "";
                return JsonSerializer.Serialize(text.Length <= MaxText ? text : text[..MaxText] + "…");
            case "string":
                return $"string[{Size(value)}]";
            case "numbers":
                var range = value.Numeric is { } n ? $" in [{Number(n.Min)}, {Number(n.Max)}]" : "";
                return Counted(value) + range;
            case "sequence":
                return Counted(value);
            case "object" when value.Raw is { } raw && raw.GetRawText() is { Length: <= 2 * MaxText } json:
                return ShortType(value.Type) + json;
            case "object":
                return $"{ShortType(value.Type)}({Size(value)} B)";
            case "scalar" when value.Magnitude is { } magnitude:
                return magnitude is { Finite: true, Log2: { } log2 } ? $"{(magnitude.Sign < 0 ? "-" : "")}~2^{log2}" : magnitude.Finite ? "0" : "non-finite";
            default:
                return value.Kind;
        }
    }

    /// <summary><c>int[]</c> with 16 elements is <c>int[16]</c>; <c>List&lt;int&gt;</c> is <c>List&lt;int&gt;[16]</c>.</summary>
    private static string Counted(ValueSummary value)
    {
        var type = ShortType(value.Type);
        return type.EndsWith("[]", StringComparison.Ordinal) ? $"{type[..^2]}[{Size(value)}]" : $"{type}[{Size(value)}]";
    }

    private static string ShortType(string type)
    {
        var generic = type.IndexOf('<', StringComparison.Ordinal);
        var head = generic < 0 ? type : type[..generic];
        var dot = head.LastIndexOf('.');
        return dot < 0 ? type : type[(dot + 1)..];
    }

    private static string Size(ValueSummary value) => (value.Size ?? 0).ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
