using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// The numeric literals of a method as tunable coordinates: find them, and write new values in their place (the
/// literal operator steps one; MADS polls around all of them). Only decimal literals in code count: not hexadecimal or
/// binary ones (bit patterns), nor those in attributes, <c>case</c> labels or patterns (constants that must stay distinct).
/// </summary>
public static class NumericLiterals
{
    /// <summary>The literals of the method in <paramref name="methodSource"/>, in document order; spans refer to that text as given.</summary>
    /// <exception cref="ArgumentException">The text does not parse as one method.</exception>
    public static IReadOnlyList<NumericLiteral> Find(string methodSource)
    {
        var method = MethodText.Parse(methodSource ?? throw new ArgumentNullException(nameof(methodSource)))
            ?? throw new ArgumentException("The source does not parse as one method declaration.", nameof(methodSource));
        return Find(method);
    }

    /// <summary>The literals of <paramref name="method"/>, in document order.</summary>
    public static IReadOnlyList<NumericLiteral> Find(MethodDeclarationSyntax method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var result = new List<NumericLiteral>();
        foreach (var literal in method.DescendantNodes().OfType<LiteralExpressionSyntax>())
        {
            if (!literal.IsKind(SyntaxKind.NumericLiteralExpression) || NumericTypes.OfLiteral(literal) is not { } kind || !IsTunable(literal))
            {
                continue;
            }
            var value = Convert.ToDouble(literal.Token.Value, CultureInfo.InvariantCulture);
            result.Add(new NumericLiteral(result.Count, literal.Token.Span, literal.Token.Text, value, kind, InLoopCondition(literal)));
        }
        return result;
    }

    /// <summary>
    /// <paramref name="methodSource"/> with the literals at the given indexes (see <see cref="NumericLiteral.Index"/>)
    /// set to new values: integers rounded (half away from zero) and clamped to their type's range, suffixes kept,
    /// negative values written as <c>(-v)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The text does not parse as one method, an index is unknown, or a value is NaN or infinite.</exception>
    public static string WithValues(string methodSource, IReadOnlyDictionary<int, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var literals = Find(methodSource);
        var edits = new List<(Microsoft.CodeAnalysis.Text.TextSpan, string)>();
        foreach (var (index, value) in values.OrderBy(v => v.Key))
        {
            if (index < 0 || index >= literals.Count)
            {
                throw new ArgumentException($"The method has {literals.Count} literals; there is no literal {index}.", nameof(values));
            }
            edits.Add((literals[index].Span, Format(literals[index], value)));
        }
        return MethodText.ApplyEdits(methodSource, edits);
    }

    /// <summary>The C# text of <paramref name="value"/> for the literal's type and suffix.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public static string Format(NumericLiteral literal, double value)
    {
        ArgumentNullException.ThrowIfNull(literal);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{value} is not a finite number.", nameof(value));
        }
        var suffix = Suffix(literal.Text);
        string magnitude;
        var negative = false;
        if (literal.IsInteger)
        {
            var (min, max) = literal.Kind switch
            {
                NumericKind.Int32 => ((double)int.MinValue, (double)int.MaxValue),
                NumericKind.UInt32 => (0d, (double)uint.MaxValue),
                NumericKind.Int64 => ((double)long.MinValue, (double)long.MaxValue),
                _ => (0d, (double)ulong.MaxValue),
            };
            var rounded = Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), min, max);
            negative = rounded < 0;
            magnitude = literal.Kind switch
            {
                NumericKind.UInt64 => ((ulong)rounded).ToString(CultureInfo.InvariantCulture),
                _ => Math.Abs((decimal)rounded).ToString(CultureInfo.InvariantCulture),
            };
        }
        else
        {
            negative = value < 0;
            var abs = Math.Abs(value);
            magnitude = literal.Kind switch
            {
                NumericKind.Single => ((float)abs).ToString("R", CultureInfo.InvariantCulture),
                NumericKind.Decimal => ((decimal)abs).ToString(CultureInfo.InvariantCulture),
                _ => abs.ToString("R", CultureInfo.InvariantCulture),
            };
            if (suffix.Length == 0 && !magnitude.Contains('.', StringComparison.Ordinal) && !magnitude.Contains('E', StringComparison.OrdinalIgnoreCase))
            {
                magnitude += ".0";
            }
            if (suffix.Length == 0 && literal.Kind == NumericKind.Single)
            {
                suffix = "f";
            }
            if (suffix.Length == 0 && literal.Kind == NumericKind.Decimal)
            {
                suffix = "m";
            }
        }
        var text = magnitude + suffix;
        return negative ? $"(-{text})" : text;
    }

    private static string Suffix(string text)
    {
        var end = text.Length;
        while (end > 0 && char.IsAsciiLetter(text[end - 1]))
        {
            end--;
        }
        return text[end..];
    }

    private static bool IsTunable(LiteralExpressionSyntax literal)
    {
        var text = literal.Token.Text;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return !literal.Ancestors().Any(a => a is AttributeSyntax or CaseSwitchLabelSyntax or PatternSyntax);
    }

    private static bool InLoopCondition(LiteralExpressionSyntax literal) => literal.Ancestors().Any(a => a switch
    {
        ForStatementSyntax f => f.Condition?.Span.Contains(literal.Span) == true,
        WhileStatementSyntax w => w.Condition.Span.Contains(literal.Span),
        DoStatementSyntax d => d.Condition.Span.Contains(literal.Span),
        _ => false,
    });
}
