using System.Globalization;
using System.Text;

namespace Sigil.Benchmarks.Lsp;

/// <summary>
/// The C# text of one file of the generated solution: ordinary application code (a class with fields, properties, a
/// constructor and 4–24 methods of loops, switches, LINQ, string building, parsing, async; sometimes an enum, a record
/// or a nested helper class), about 80 to 450 lines, varied by a seed. A pinned file also holds one
/// <c>[Improve("bench", Eval = nameof(...), Workspace = "v1")]</c> static method and its eval, in the middle of the
/// class (or of a nested static class), shaped as samples/QuickStart/Kernels.cs does. The code compiles warning-free
/// under the repository's settings (nullable, warnings as errors).
/// </summary>
internal static class SolutionSourceWriter
{
    /// <summary>The spec every pin names.</summary>
    public const string Spec = "bench";

    /// <summary>The workspace every pin names.</summary>
    public const string Workspace = "v1";

    /// <summary>The text of file <paramref name="index"/>, and its pin's qualname and attribute line when <paramref name="pinned"/>.</summary>
    public static (string Text, string? QualifiedName, int AttributeLine) Write(int index, bool pinned)
    {
        var random = new Random(7919 * (index + 1));
        var builder = new StringBuilder();
        var name = $"Component{index:D3}";
        builder.AppendLine("using System.Globalization;");
        builder.AppendLine("using System.Text;");
        if (pinned)
        {
            builder.AppendLine("using Sigil;");
        }
        builder.AppendLine();
        if (index == 0)
        {
            builder.AppendLine("[assembly: Sigil.Spec(\"bench\", Description = \"The generated solution of the language server benchmark\", StoreRawInputs = true)]");
            builder.AppendLine();
        }
        builder.AppendLine(CultureInfo.InvariantCulture, $"namespace Bench.Area{index % 20:D2};");
        builder.AppendLine();
        if (random.Next(3) == 0)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"/// <summary>How component {index} runs.</summary>");
            builder.AppendLine(CultureInfo.InvariantCulture, $"public enum Mode{index:D3}");
            builder.AppendLine("{");
            builder.AppendLine("    Off,");
            builder.AppendLine("    Slow,");
            builder.AppendLine("    Fast,");
            builder.AppendLine("}");
            builder.AppendLine();
        }
        if (random.Next(3) == 0)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"/// <summary>A row that component {index} reports.</summary>");
            builder.AppendLine(CultureInfo.InvariantCulture, $"public sealed record Row{index:D3}(string Name, double Value, DateTime At);");
            builder.AppendLine();
        }
        builder.AppendLine(CultureInfo.InvariantCulture, $"/// <summary>Component {index}: bookkeeping for area {index % 20}.</summary>");
        builder.AppendLine(CultureInfo.InvariantCulture, $"public sealed class {name}");
        builder.AppendLine("{");
        builder.AppendLine(CultureInfo.InvariantCulture, $"    private readonly List<double> _readings = new();");
        builder.AppendLine(CultureInfo.InvariantCulture, $"    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);");
        builder.AppendLine(CultureInfo.InvariantCulture, $"    private int _version;");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"    /// <summary>Creates component {index}.</summary>");
        builder.AppendLine(CultureInfo.InvariantCulture, $"    public {name}(int id, string name)");
        builder.AppendLine("    {");
        builder.AppendLine("        Id = id;");
        builder.AppendLine("        Name = name;");
        builder.AppendLine("    }");
        builder.AppendLine();
        builder.AppendLine("    /// <summary>The identifier.</summary>");
        builder.AppendLine("    public int Id { get; }");
        builder.AppendLine();
        builder.AppendLine("    /// <summary>The display name.</summary>");
        builder.AppendLine("    public string Name { get; set; }");
        builder.AppendLine();
        builder.AppendLine("    /// <summary>How many changes were made.</summary>");
        builder.AppendLine("    public int Version => _version;");
        builder.AppendLine();
        builder.AppendLine("    /// <summary>How much is remembered.</summary>");
        builder.AppendLine("    public int Size => _readings.Count + _counts.Count;");
        builder.AppendLine();
        builder.AppendLine("    /// <summary>Records a change.</summary>");
        builder.AppendLine("    public void Touch() => _version++;");
        var methods = random.Next(4, 25);
        var pinAt = pinned ? random.Next(1, methods) : -1;
        string? qualifiedName = null;
        var attributeLine = -1;
        for (var j = 0; j < methods; j++)
        {
            if (j == pinAt)
            {
                var nested = index / 10 % 3 == 1;
                var lineOffset = CountLines(builder);
                var (text, pinName, attributeOffset) = PinBlock(index, nested);
                builder.AppendLine();
                builder.Append(text);
                attributeLine = lineOffset + 1 + attributeOffset;
                qualifiedName = nested ? $"{name}.Kernels.{pinName}" : $"{name}.{pinName}";
            }
            builder.AppendLine();
            builder.Append(Method(random, index, j));
        }
        if (index == 0)
        {
            builder.AppendLine();
            builder.AppendLine("    /// <summary>The entry point.</summary>");
            builder.AppendLine("    public static int Main()");
            builder.AppendLine("    {");
            builder.AppendLine("        var component = new Component000(0, \"main\");");
            builder.AppendLine("        Console.WriteLine(component.Name);");
            builder.AppendLine("        return 0;");
            builder.AppendLine("    }");
        }
        builder.AppendLine("}");
        return (builder.ToString(), qualifiedName, attributeLine);
    }

    private static int CountLines(StringBuilder builder)
    {
        var lines = 0;
        foreach (var chunk in builder.GetChunks())
        {
            lines += chunk.Span.Count('\n');
        }
        return lines;
    }

    /// <summary>The pin and its eval, one of four shapes; the attribute's line within the block.</summary>
    private static (string Text, string QualifiedName, int AttributeOffset) PinBlock(int index, bool nested)
    {
        var indent = nested ? "        " : "    ";
        var block = new StringBuilder();
        if (nested)
        {
            block.AppendLine("    /// <summary>The hot kernels of this component.</summary>");
            block.AppendLine("    public static class Kernels");
            block.AppendLine("    {");
        }
        var attributeOffset = CountLines(block) + 1; // after the summary line
        string text, qualifiedName;
        switch (index / 10 % 4)
        {
            case 0:
                qualifiedName = $"Root{index:D3}(double)";
                text = $$"""
                    /// <summary>Square root by a fixed number of Newton steps.</summary>
                    [Improve("bench", Eval = nameof(RootError{{index:D3}}), Workspace = "v1")]
                    public static double Root{{index:D3}}(double x)
                    {
                        if (x <= 0)
                        {
                            return 0;
                        }
                        var guess = x / 2 + 1;
                        for (var i = 0; i < {{30 + index % 20}}; i++)
                        {
                            guess = 0.5 * (guess + x / guess);
                        }
                        return guess;
                    }

                    /// <summary>How close root² is to x (0 is perfect).</summary>
                    public static double RootError{{index:D3}}(double x, double root) => -Math.Abs(root * root - Math.Max(x, 0));
                    """;
                break;
            case 1:
                qualifiedName = $"SumOfSquares{index:D3}(int[])";
                text = $$"""
                    /// <summary>Sum of squares through LINQ.</summary>
                    [Improve("bench", Eval = nameof(SumIsExact{{index:D3}}), Workspace = "v1")]
                    public static long SumOfSquares{{index:D3}}(int[] values) => values.Select(v => (long)v * v).Sum();

                    /// <summary>True when the sum is exact.</summary>
                    public static bool SumIsExact{{index:D3}}(int[] values, long sum)
                    {
                        long expected = 0;
                        foreach (var v in values)
                        {
                            expected += (long)v * v;
                        }
                        return expected == sum;
                    }
                    """;
                break;
            case 2:
                qualifiedName = $"CountBelow{index:D3}(int[],int)";
                text = $$"""
                    /// <summary>How many values are below the limit.</summary>
                    [Improve("bench", Eval = nameof(CountIsExact{{index:D3}}), Workspace = "v1")]
                    public static int CountBelow{{index:D3}}(int[] values, int limit) => values.Where(v => v < limit).Count();

                    /// <summary>True when the count is exact.</summary>
                    public static bool CountIsExact{{index:D3}}(int[] values, int limit, int count)
                    {
                        var expected = 0;
                        for (var i = 0; i < values.Length; i++)
                        {
                            if (values[i] < limit)
                            {
                                expected++;
                            }
                        }
                        return expected == count;
                    }
                    """;
                break;
            default:
                qualifiedName = $"Mean{index:D3}(double[])";
                text = $$"""
                    /// <summary>The mean of the values, summed in order.</summary>
                    [Improve("bench", Eval = nameof(MeanError{{index:D3}}), Workspace = "v1")]
                    public static double Mean{{index:D3}}(double[] values)
                    {
                        if (values.Length == 0)
                        {
                            return 0;
                        }
                        var total = 0.0;
                        foreach (var value in values.OrderBy(v => v))
                        {
                            total += value;
                        }
                        return total / values.Length;
                    }

                    /// <summary>How far the mean is from the exact one (0 is perfect).</summary>
                    public static double MeanError{{index:D3}}(double[] values, double mean) => values.Length == 0 ? 0 : -Math.Abs(mean - values.Average());
                    """;
                break;
        }
        foreach (var line in text.Split('\n'))
        {
            block.AppendLine(line.Length == 0 ? "" : indent + line);
        }
        if (nested)
        {
            block.AppendLine("    }");
        }
        return (block.ToString(), qualifiedName, attributeOffset);
    }

    /// <summary>One ordinary method (with its doc comment), of one of nine kinds.</summary>
    private static string Method(Random random, int index, int j)
    {
        var c = random.Next(2, 97);
        var n = random.Next(8, 64);
        var kind = random.Next(9);
        return kind switch
        {
            0 => $$"""
                    /// <summary>Totals the readings above a threshold, weighted.</summary>
                    public double SumAbove{{j}}(IReadOnlyList<double> readings)
                    {
                        var total = 0.0;
                        foreach (var reading in readings)
                        {
                            if (reading > {{c}}.0)
                            {
                                total += reading * {{n}};
                            }
                            else if (reading < -{{c}}.0)
                            {
                                total -= reading;
                            }
                        }
                        _readings.Add(total);
                        return total;
                    }

                """,
            1 => Describe(random, j, c),
            2 => $$"""
                    /// <summary>Counts the words of a text and remembers them.</summary>
                    public Dictionary<string, int> CountWords{{j}}(string text)
                    {
                        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        {
                            counts[word] = counts.TryGetValue(word, out var seen) ? seen + 1 : 1;
                            _counts[word] = _counts.GetValueOrDefault(word) + 1;
                        }
                        _version++;
                        return counts;
                    }

                """,
            3 => $$"""
                    /// <summary>The even values, scaled and sorted.</summary>
                    public List<int> Evens{{j}}(IEnumerable<int> values) =>
                        values.Where(v => v % 2 == 0).Select(v => v * {{c}}).OrderBy(v => v).Take({{n}}).ToList();

                """,
            4 => $$"""
                    /// <summary>Parses a number, or -1.</summary>
                    public int ParseOrDefault{{j}}(string text)
                    {
                        try
                        {
                            return int.Parse(text, CultureInfo.InvariantCulture) + {{c}};
                        }
                        catch (FormatException)
                        {
                            return -1;
                        }
                        catch (OverflowException)
                        {
                            return int.MaxValue;
                        }
                    }

                """,
            5 => $$"""
                    /// <summary>Loads a value (simulated).</summary>
                    public async Task<int> LoadAsync{{j}}(int id, CancellationToken ct)
                    {
                        await Task.Yield();
                        ct.ThrowIfCancellationRequested();
                        var value = id * {{c}};
                        for (var i = 0; i < {{n}}; i++)
                        {
                            value = (value * 31 + i) % 1_000_003;
                        }
                        _version++;
                        return value;
                    }

                """,
            6 => $$"""
                    /// <summary>Formats rows as name=value lines.</summary>
                    public string Format{{j}}(IEnumerable<(string Name, double Value)> rows)
                    {
                        var builder = new StringBuilder();
                        builder.Append(Name).Append(" #").Append(Id.ToString(CultureInfo.InvariantCulture)).AppendLine();
                        foreach (var (name, value) in rows)
                        {
                            if (value is double.NaN)
                            {
                                continue;
                            }
                            builder.Append(name).Append('=').Append(value.ToString("F{{c % 5}}", CultureInfo.InvariantCulture)).AppendLine();
                        }
                        return builder.ToString();
                    }

                """,
            7 => Rules(random, j),
            _ => $$"""
                    /// <summary>Statistics of the readings so far.</summary>
                    public (double Min, double Max, double Mean) Statistics{{j}}()
                    {
                        if (_readings.Count == 0)
                        {
                            return (0, 0, 0);
                        }
                        var min = double.MaxValue;
                        var max = double.MinValue;
                        var sum = 0.0;
                        foreach (var reading in _readings)
                        {
                            min = Math.Min(min, reading);
                            max = Math.Max(max, reading);
                            sum += reading;
                        }
                        return (min, max, sum / _readings.Count + {{index % 7}});
                    }

                """,
        };
    }

    private static string Describe(Random random, int j, int c)
    {
        var cases = random.Next(3, 12);
        var builder = new StringBuilder();
        builder.AppendLine("    /// <summary>A label for a code.</summary>");
        builder.AppendLine(CultureInfo.InvariantCulture, $"    public string Describe{j}(int code)");
        builder.AppendLine("    {");
        builder.AppendLine(CultureInfo.InvariantCulture, $"        switch (Math.Abs(code % {cases + 1}))");
        builder.AppendLine("        {");
        for (var k = 0; k < cases; k++)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"            case {k}:");
            builder.AppendLine(CultureInfo.InvariantCulture, $"                return \"label-{k}-{c}\";");
        }
        builder.AppendLine("            default:");
        builder.AppendLine("                return code.ToString(CultureInfo.InvariantCulture);");
        builder.AppendLine("        }");
        builder.AppendLine("    }");
        builder.AppendLine();
        return builder.ToString();
    }

    private static string Rules(Random random, int j)
    {
        var rules = random.Next(4, 20);
        var builder = new StringBuilder();
        builder.AppendLine("    /// <summary>Applies the pricing rules in order.</summary>");
        builder.AppendLine(CultureInfo.InvariantCulture, $"    public decimal Price{j}(decimal amount, int quantity, string region)");
        builder.AppendLine("    {");
        builder.AppendLine("        var price = amount * quantity;");
        for (var k = 0; k < rules; k++)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"        if (quantity > {random.Next(1, 500)} && region.StartsWith(\"{(char)('A' + k % 26)}\", StringComparison.Ordinal))");
            builder.AppendLine("        {");
            builder.AppendLine(CultureInfo.InvariantCulture, $"            price -= price * {random.Next(1, 30)}m / 100m;");
            builder.AppendLine("        }");
        }
        builder.AppendLine("        _version++;");
        builder.AppendLine("        return Math.Round(price, 2);");
        builder.AppendLine("    }");
        builder.AppendLine();
        return builder.ToString();
    }
}
