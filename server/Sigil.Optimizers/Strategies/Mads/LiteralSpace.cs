using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using Sigil.Optimizers.Generators.Rules;

namespace Sigil.Optimizers.Strategies.Mads;

/// <summary>
/// The space MADS searches: the values of some numeric literals of one method (see <see cref="NumericLiterals"/>),
/// everything else fixed. Knows each coordinate's kind, range and scale, writes a point as the method's source, keys
/// points by the literal texts they write (two points writing the same code are the same point), and reads a point
/// back from another version of the method when only literal values differ.
/// </summary>
internal sealed class LiteralSpace
{
    private const string Hole = "\u0001";
    private readonly string _template;
    private readonly IReadOnlyList<NumericLiteral> _all;
    private readonly bool _keepSign;

    private LiteralSpace(string text, IReadOnlyList<NumericLiteral> all, IReadOnlyList<NumericLiteral> selected, bool keepSign)
    {
        Text = text;
        _all = all;
        Literals = selected;
        _keepSign = keepSign;
        _template = Template(text, all);
        Initial = [.. selected.Select(l => l.Value)];
    }

    /// <summary>The method, normalized (<see cref="MethodText.Normalize"/>): the text every point is written into.</summary>
    public string Text { get; }

    /// <summary>The literals that are coordinates, in document order.</summary>
    public IReadOnlyList<NumericLiteral> Literals { get; }

    /// <summary>The coordinates' values in <see cref="Text"/>.</summary>
    public IReadOnlyList<double> Initial { get; }

    /// <summary>The number of coordinates.</summary>
    public int Dimension => Literals.Count;

    /// <summary>
    /// The space of <paramref name="methodSource"/>'s literals chosen by <paramref name="selection"/>
    /// (<c>all</c>, <c>loops</c> for those in loop conditions, or literal indexes such as <c>0,3</c>); <c>null</c> with
    /// the reason when there is no coordinate.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="selection"/> is malformed.</exception>
    public static LiteralSpace? Create(string methodSource, string selection, bool keepSign, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(methodSource);
        ArgumentNullException.ThrowIfNull(selection);
        var method = MethodText.Parse(methodSource.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (method is null)
        {
            problem = "The method's source does not parse as one method declaration, so its literals cannot be tuned.";
            return null;
        }
        var text = MethodText.Normalize(method);
        var all = NumericLiterals.Find(text);
        if (all.Count == 0)
        {
            problem = "The method has no decimal numeric literal to tune (MADS moves numeric literals only).";
            return null;
        }
        var selected = Select(all, selection.Trim());
        if (selected.Count == 0)
        {
            problem = $"None of the method's {all.Count} numeric literals is selected by literals={selection} (none is in a loop condition, or the indexes are out of range).";
            return null;
        }
        problem = null;
        return new LiteralSpace(text, all, selected, keepSign);
    }

    /// <summary>True when <paramref name="selection"/> is <c>all</c>, <c>loops</c> or a comma-separated list of literal indexes.</summary>
    public static bool IsValidSelection(string selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var trimmed = selection.Trim();
        return trimmed is "all" or "loops" || (trimmed.Length > 0 && trimmed.Split(',').All(p => int.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _)));
    }

    /// <summary>The scale of coordinate <paramref name="j"/>: a relative poll size of 1 moves it by this much.</summary>
    public double Scale(int j)
    {
        var magnitude = Math.Abs(Initial[j]);
        return Literals[j].IsInteger ? Math.Max(magnitude, 1) : magnitude > 0 ? magnitude : 1;
    }

    /// <summary>The value the literal would actually hold: integers rounded half away from zero, floats to single precision.</summary>
    public double Snap(int j, double value) => Literals[j].Kind switch
    {
        NumericKind.Single => (float)value,
        _ when Literals[j].IsInteger => Math.Round(value, MidpointRounding.AwayFromZero),
        _ => value,
    };

    /// <summary>True when <paramref name="value"/> fits the literal's type and, with sign keeping on, does not cross or reach zero from a non-zero start.</summary>
    public bool InBounds(int j, double value)
    {
        var (min, max) = Literals[j].Kind switch
        {
            NumericKind.Int32 => ((double)int.MinValue, (double)int.MaxValue),
            NumericKind.UInt32 => (0d, (double)uint.MaxValue),
            NumericKind.Int64 => ((double)long.MinValue, (double)long.MaxValue),
            NumericKind.UInt64 => (0d, (double)ulong.MaxValue),
            NumericKind.Single => ((double)float.MinValue, (double)float.MaxValue),
            NumericKind.Decimal => ((double)decimal.MinValue, (double)decimal.MaxValue),
            _ => (double.MinValue, double.MaxValue),
        };
        if (!double.IsFinite(value) || value < min || value > max)
        {
            return false;
        }
        return !_keepSign || Initial[j] == 0 || Math.Sign(value) == Math.Sign(Initial[j]);
    }

    /// <summary>The key of a point: the literal texts it writes.</summary>
    public string Key(IReadOnlyList<double> point) =>
        string.Join("|", Literals.Select((l, j) => NumericLiterals.Format(l, point[j])));

    /// <summary>The literal text coordinate <paramref name="j"/> has at <paramref name="point"/>.</summary>
    public string TextOf(IReadOnlyList<double> point, int j) => NumericLiterals.Format(Literals[j], point[j]);

    /// <summary>The method with the literals set to <paramref name="point"/>.</summary>
    public string Render(IReadOnlyList<double> point) =>
        NumericLiterals.WithValues(Text, Literals.Select((l, j) => (l.Index, point[j])).ToDictionary(p => p.Index, p => p.Item2));

    /// <summary>
    /// The point <paramref name="methodSource"/> is, when it is this method with only the coordinates' values changed
    /// (same tokens otherwise, the other literals unchanged); else <c>null</c>.
    /// </summary>
    public double[]? TryRead(string methodSource)
    {
        ArgumentNullException.ThrowIfNull(methodSource);
        var method = MethodText.Parse(methodSource.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (method is null)
        {
            return null;
        }
        var text = MethodText.Normalize(method);
        var literals = NumericLiterals.Find(text);
        if (literals.Count != _all.Count || Template(text, literals) != _template)
        {
            return null;
        }
        var selected = Literals.Select(l => l.Index).ToHashSet();
        for (var i = 0; i < literals.Count; i++)
        {
            if (literals[i].Kind != _all[i].Kind || (!selected.Contains(i) && literals[i].Text != _all[i].Text))
            {
                return null;
            }
        }
        return [.. Literals.Select(l => literals[l.Index].Value)];
    }

    private static List<NumericLiteral> Select(IReadOnlyList<NumericLiteral> all, string selection)
    {
        if (selection == "all")
        {
            return [.. all];
        }
        if (selection == "loops")
        {
            return [.. all.Where(l => l.InLoopCondition)];
        }
        if (!IsValidSelection(selection))
        {
            throw new ArgumentException($"literals={selection} is not 'all', 'loops' or a comma-separated list of literal indexes.", nameof(selection));
        }
        var indexes = selection.Split(',').Select(p => int.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToHashSet();
        return [.. all.Where(l => indexes.Contains(l.Index))];
    }

    private static string Template(string text, IReadOnlyList<NumericLiteral> literals) =>
        MethodText.ApplyEdits(text, literals.Select(l => (l.Span, Hole)).ToList<(TextSpan, string)>());
}
