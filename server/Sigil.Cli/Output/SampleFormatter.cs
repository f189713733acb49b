using System.Globalization;
using System.Text.Json;
using Sigil.Tracking.Model;

namespace Sigil.Cli.Output;

/// <summary>Short human text for tracked values: <c>x=3</c>, <c>s=string[12]#ab12cd34</c>, <c>key=&lt;redacted&gt;</c>.</summary>
internal static class SampleFormatter
{
    private const int MaxRaw = 40;

    public static string Inputs(SampleRecord record) =>
        record.Inputs.Count == 0 ? "()" : string.Join(", ", record.Inputs.Select(p => $"{p.Key}={Value(p.Value)}"));

    public static string Value(ValueSummary value)
    {
        if (value.Raw is { } raw)
        {
            var text = raw.GetRawText();
            return text.Length <= MaxRaw ? text : text[..(MaxRaw - 1)] + "…";
        }
        return value.Kind switch
        {
            "int" or "float" or "bool" => value.Value?.GetRawText() ?? "?",
            "null" => "null",
            "none" => "-",
            "redacted" => "<redacted>",
            "scalar" when value.Magnitude is { } m => Magnitude(m),
            "numbers" when value.Numeric is { } n => $"{value.Type}[{value.Size}] {Number(n.Min)}..{Number(n.Max)}",
            "unsupported" => "<unsketchable>",
            _ => $"{value.Type}[{value.Size}]#{value.Hash?[5..13]}",
        };
    }

    /// <summary>~2^3 for 8 ≤ x &lt; 16, -~2^3 for negatives, 0, or nan/inf.</summary>
    private static string Magnitude(ScalarMagnitude magnitude) => magnitude switch
    {
        { Finite: false } => "nan/inf",
        { Log2: null } => "0",
        { Sign: < 0, Log2: var k } => $"-~2^{k}",
        { Log2: var k } => $"~2^{k}",
    };

    public static string Score(double? score) => score is { } s ? Number(s) : "n/a";

    public static string Latency(long nanoseconds) => nanoseconds switch
    {
        < 1_000 => $"{nanoseconds} ns",
        < 1_000_000 => $"{(nanoseconds / 1000.0).ToString("0.#", CultureInfo.InvariantCulture)} µs",
        _ => $"{(nanoseconds / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture)} ms",
    };

    private static string Number(double value) => (value == 0 ? 0.0 : value).ToString("G6", CultureInfo.InvariantCulture);
}
