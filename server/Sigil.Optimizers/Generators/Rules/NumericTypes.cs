using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// The numeric type of simple expressions from syntax alone: literals, casts, names of known type, and the C# rules
/// of binary numeric promotion for <c>+ - * / %</c>. Anything else is unknown (<c>null</c>).
/// </summary>
internal static class NumericTypes
{
    private static readonly HashSet<string> DoubleMath = new(StringComparer.Ordinal)
    {
        "Sqrt", "Cbrt", "Pow", "Exp", "Log", "Log2", "Log10", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Atan2",
        "Sinh", "Cosh", "Tanh", "Floor", "Ceiling", "Truncate", "FusedMultiplyAdd",
    };

    /// <summary>
    /// The kind a type names exactly (<c>int</c>, <c>System.Int64</c>, <c>double</c>…); <c>null</c> for other types,
    /// smaller integer types included (they are not the type of their arithmetic).
    /// </summary>
    public static NumericKind? OfType(TypeSyntax? type)
    {
        var name = type switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "System" } } qualified => qualified.Right.Identifier.ValueText,
            _ => null,
        };
        return name switch
        {
            "int" or "Int32" => NumericKind.Int32,
            "uint" or "UInt32" => NumericKind.UInt32,
            "long" or "Int64" => NumericKind.Int64,
            "ulong" or "UInt64" => NumericKind.UInt64,
            "float" or "Single" => NumericKind.Single,
            "double" or "Double" => NumericKind.Double,
            "decimal" or "Decimal" => NumericKind.Decimal,
            _ => null,
        };
    }

    /// <summary>The kind of a numeric literal (from the value the compiler gives it: suffix, point, size).</summary>
    public static NumericKind? OfLiteral(LiteralExpressionSyntax literal) =>
        !literal.IsKind(SyntaxKind.NumericLiteralExpression) ? null : literal.Token.Value switch
        {
            int => NumericKind.Int32,
            uint => NumericKind.UInt32,
            long => NumericKind.Int64,
            ulong => NumericKind.UInt64,
            float => NumericKind.Single,
            double => NumericKind.Double,
            decimal => NumericKind.Decimal,
            _ => null,
        };

    /// <summary>The keyword type of a kind.</summary>
    public static TypeSyntax Syntax(NumericKind kind) => SyntaxFactory.PredefinedType(SyntaxFactory.Token(kind switch
    {
        NumericKind.Int32 => SyntaxKind.IntKeyword,
        NumericKind.UInt32 => SyntaxKind.UIntKeyword,
        NumericKind.Int64 => SyntaxKind.LongKeyword,
        NumericKind.UInt64 => SyntaxKind.ULongKeyword,
        NumericKind.Single => SyntaxKind.FloatKeyword,
        NumericKind.Double => SyntaxKind.DoubleKeyword,
        _ => SyntaxKind.DecimalKeyword,
    }));

    /// <summary>The C# keyword of a kind.</summary>
    public static string Keyword(NumericKind kind) => Syntax(kind).ToString();

    /// <summary>True for the integer kinds.</summary>
    public static bool IsInteger(NumericKind kind) => kind is NumericKind.Int32 or NumericKind.UInt32 or NumericKind.Int64 or NumericKind.UInt64;

    /// <summary>True for float and double.</summary>
    public static bool IsFloating(NumericKind kind) => kind is NumericKind.Single or NumericKind.Double;

    /// <summary>
    /// The type of <paramref name="expression"/>; <paramref name="nameKind"/> gives the kind of a simple name (a
    /// parameter, a local, a lambda parameter), or <c>null</c> when unknown.
    /// </summary>
    public static NumericKind? Infer(ExpressionSyntax expression, Func<string, NumericKind?> nameKind)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(nameKind);
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return OfLiteral(literal);
            case ParenthesizedExpressionSyntax parenthesized:
                return Infer(parenthesized.Expression, nameKind);
            case CastExpressionSyntax cast:
                return OfType(cast.Type);
            case IdentifierNameSyntax identifier:
                return nameKind(identifier.Identifier.ValueText);
            case CheckedExpressionSyntax checkedExpression:
                return Infer(checkedExpression.Expression, nameKind);
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                return Infer(unary.Operand, nameKind) switch
                {
                    NumericKind.UInt32 => NumericKind.Int64,
                    NumericKind.UInt64 => null,
                    var kind => kind,
                };
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression) || unary.IsKind(SyntaxKind.BitwiseNotExpression):
                return Infer(unary.Operand, nameKind);
            case BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression
                or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression:
                if (Infer(binary.Left, nameKind) is not { } left || Infer(binary.Right, nameKind) is not { } right)
                {
                    return null;
                }
                // A non-negative int constant converts implicitly to uint/ulong (C# spec §10.2.11), so u + 1 stays uint.
                if (left is NumericKind.UInt32 or NumericKind.UInt64 && IsNonNegativeIntConstant(binary.Right))
                {
                    return left;
                }
                if (right is NumericKind.UInt32 or NumericKind.UInt64 && IsNonNegativeIntConstant(binary.Left))
                {
                    return right;
                }
                return Promote(left, right);
            case ConditionalExpressionSyntax conditional:
                return Infer(conditional.WhenTrue, nameKind) is { } whenTrue && Infer(conditional.WhenFalse, nameKind) is { } whenFalse && whenTrue == whenFalse
                    ? whenTrue
                    : null;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Math" } } access }
                when DoubleMath.Contains(access.Name.Identifier.ValueText):
                return NumericKind.Double;
            default:
                return null;
        }
    }

    private static bool IsNonNegativeIntConstant(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax parenthesized => IsNonNegativeIntConstant(parenthesized.Expression),
        LiteralExpressionSyntax { Token.Value: int value } => value >= 0,
        _ => false,
    };

    /// <summary>Binary numeric promotion (C# spec §12.4.7.3); <c>null</c> where C# reports an error (ulong with a signed type, decimal with a floating type).</summary>
    public static NumericKind? Promote(NumericKind left, NumericKind right)
    {
        if (left == NumericKind.Decimal || right == NumericKind.Decimal)
        {
            return IsFloating(left) || IsFloating(right) ? null : NumericKind.Decimal;
        }
        if (left == NumericKind.Double || right == NumericKind.Double)
        {
            return NumericKind.Double;
        }
        if (left == NumericKind.Single || right == NumericKind.Single)
        {
            return NumericKind.Single;
        }
        if (left == NumericKind.UInt64 || right == NumericKind.UInt64)
        {
            var other = left == NumericKind.UInt64 ? right : left;
            return other is NumericKind.Int32 or NumericKind.Int64 ? null : NumericKind.UInt64;
        }
        if (left == NumericKind.Int64 || right == NumericKind.Int64)
        {
            return NumericKind.Int64;
        }
        if (left == NumericKind.UInt32 || right == NumericKind.UInt32)
        {
            var other = left == NumericKind.UInt32 ? right : left;
            return other == NumericKind.Int32 ? NumericKind.Int64 : NumericKind.UInt32;
        }
        return NumericKind.Int32;
    }
}
