using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// Moves a loop-invariant computation out of a loop into a local declared just before it, and uses the local
/// everywhere the same expression occurs in the loop. Invariant means, from the syntax: built only from literals,
/// constants (<c>Math.PI</c>, <c>int.MaxValue</c>), parameters and locals that the loop (and any lambda in the method)
/// never assigns, with arithmetic, comparisons, casts to built-in types, conditionals and side-effect-free <c>Math</c>
/// calls; divisions only where they cannot throw (floating operands or a non-zero literal divisor). Expressions inside
/// lambdas or <c>checked</c> code are left alone. The expression is hoisted to the outermost loop it is invariant in;
/// the seed picks among several.
/// </summary>
/// <remarks>
/// Known limits of a syntax-only check: a user-defined operator with side effects, or overflow checking turned on for
/// the whole project, could make hoisting observable; the evaluation against the baseline catches both.
/// </remarks>
public sealed class HoistInvariantOperator : IRewriteOperator
{
    /// <summary>The operator's name.</summary>
    public const string OperatorName = "hoist-invariant";

    private static readonly HashSet<string> PureMath = new(StringComparer.Ordinal)
    {
        "Sqrt", "Cbrt", "Pow", "Exp", "Log", "Log2", "Log10", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Atan2",
        "Sinh", "Cosh", "Tanh", "Floor", "Ceiling", "Truncate", "Max", "Min", "FusedMultiplyAdd",
    };

    /// <inheritdoc />
    public string Name => OperatorName;

    /// <inheritdoc />
    public string Description => "Moves a loop-invariant computation out of a loop into a local declared before it.";

    /// <inheritdoc />
    public RewriteOutcome Rewrite(RewriteInput input, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        var method = input.Method;
        if (method.Body is null && method.ExpressionBody is null)
        {
            return new NotApplicable("The method has no body.");
        }
        if (method.DescendantNodes().Any(n => n is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.AddressOfExpression } or FixedStatementSyntax))
        {
            return new NotApplicable("The method takes addresses of variables; invariance cannot be judged from the syntax.");
        }
        var loops = method.DescendantNodes().Where(IsLoop).Cast<StatementSyntax>().ToList();
        if (loops.Count == 0)
        {
            return new NotApplicable("The method has no loop.");
        }
        var mutatedAnywhereInLambdas = method.DescendantNodes()
            .Where(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            .SelectMany(Assigned)
            .Concat(method.DescendantNodes().OfType<RefExpressionSyntax>().SelectMany(r => Names(r.Expression)))
            .ToHashSet(StringComparer.Ordinal);

        var claimed = new List<TextSpan>();
        var groups = new List<Group>();
        foreach (var loop in loops)
        {
            if (loop.Parent is not BlockSyntax || !MethodText.StartsLine(input.Text, loop.SpanStart))
            {
                continue;
            }
            var scope = new Scope(input, loop, mutatedAnywhereInLambdas);
            var found = new List<ExpressionSyntax>();
            foreach (var part in Parts(loop))
            {
                Collect(part, scope, found);
            }
            foreach (var group in found.Where(e => !claimed.Any(c => c.Contains(e.Span)))
                .GroupBy(e => Key(e), StringComparer.Ordinal))
            {
                var members = group.ToList();
                claimed.AddRange(members.Select(e => e.Span));
                groups.Add(new Group(loop, members));
            }
        }
        if (groups.Count == 0)
        {
            return new NotApplicable("No loop holds a computation that is invariant and safe to hoist (from the syntax alone).");
        }
        var chosen = groups[random.Next(groups.Count)];
        var taken = input.TakenNames();
        var name = MethodText.UniqueName(taken, "hoisted");
        var expression = chosen.Occurrences[0];
        var indentation = MethodText.LineIndentation(input.Text, chosen.Loop.SpanStart);
        var edits = new List<(TextSpan, string)>
        {
            (new TextSpan(MethodText.LineStart(input.Text, chosen.Loop.SpanStart), 0), $"{indentation}var {name} = {Flatten(expression)};\n"),
        };
        edits.AddRange(chosen.Occurrences.Select(e => (e.Span, name)));
        var source = MethodText.ApplyEdits(input.Text, edits);
        var times = chosen.Occurrences.Count > 1 ? $" ({chosen.Occurrences.Count} occurrences)" : string.Empty;
        return new Rewritten(source, $"hoisted the loop-invariant `{Flatten(expression)}`{times} out of the {LoopName(chosen.Loop)} loop into `{name}`.");
    }

    private static bool IsLoop(SyntaxNode node) => node is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    private static string LoopName(StatementSyntax loop) => loop switch
    {
        ForStatementSyntax => "for",
        ForEachStatementSyntax => "foreach",
        WhileStatementSyntax => "while",
        _ => "do",
    };

    /// <summary>The parts of a loop evaluated on every iteration.</summary>
    private static IEnumerable<SyntaxNode> Parts(StatementSyntax loop) => loop switch
    {
        ForStatementSyntax f => new SyntaxNode?[] { f.Condition }.Concat(f.Incrementors).Append(f.Statement).OfType<SyntaxNode>(),
        ForEachStatementSyntax f => [f.Statement],
        WhileStatementSyntax w => [w.Condition, w.Statement],
        DoStatementSyntax d => [d.Statement, d.Condition],
        _ => [],
    };

    private static void Collect(SyntaxNode node, Scope scope, List<ExpressionSyntax> found)
    {
        if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or CheckedExpressionSyntax or CheckedStatementSyntax
            or AttributeSyntax or ConstantPatternSyntax or CaseSwitchLabelSyntax)
        {
            return;
        }
        if (node is ExpressionSyntax expression && scope.IsWorthHoisting(expression) && scope.IsInvariant(expression) && IsMovable(expression))
        {
            found.Add(expression);
            return;
        }
        foreach (var child in node.ChildNodes())
        {
            Collect(child, scope, found);
        }
    }

    /// <summary>False where replacing the expression by a local would change meaning (assignment targets, ref arguments, nameof).</summary>
    private static bool IsMovable(ExpressionSyntax expression) => expression.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Right == expression,
        ArgumentSyntax argument => argument.RefKindKeyword.IsKind(SyntaxKind.None),
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } } } => !local.IsConst,
        _ => true,
    } && !expression.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression) =>
        expression is ParenthesizedExpressionSyntax p ? Unparenthesize(p.Expression) : expression;

    private static string Key(ExpressionSyntax expression) => Unparenthesize(expression).NormalizeWhitespace().ToFullString();

    private static string Flatten(ExpressionSyntax expression)
    {
        var inner = Unparenthesize(expression);
        return string.Join(" ", inner.ToString().Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
    }

    /// <summary>Names assigned (or passed by ref/out, or incremented) within <paramref name="node"/>.</summary>
    internal static IEnumerable<string> Assigned(SyntaxNode node) => node.DescendantNodesAndSelf().SelectMany(n => n switch
    {
        AssignmentExpressionSyntax assignment => Names(assignment.Left),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } unary => Names(unary.Operand),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } unary => Names(unary.Operand),
        ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => Names(argument.Expression),
        _ => [],
    });

    private static IEnumerable<string> Names(SyntaxNode node) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText);

    private sealed record Group(StatementSyntax Loop, List<ExpressionSyntax> Occurrences);

    /// <summary>What is invariant in one loop.</summary>
    private sealed class Scope
    {
        private readonly RewriteInput _input;
        private readonly HashSet<string> _declaredInLoop;
        private readonly HashSet<string> _assignedInLoop;
        private readonly HashSet<string> _mutatedInLambdas;

        public Scope(RewriteInput input, StatementSyntax loop, HashSet<string> mutatedInLambdas)
        {
            _input = input;
            _mutatedInLambdas = mutatedInLambdas;
            _declaredInLoop = loop.DescendantNodesAndSelf().Select(n => n switch
            {
                VariableDeclaratorSyntax v => v.Identifier.ValueText,
                ForEachStatementSyntax f => f.Identifier.ValueText,
                SingleVariableDesignationSyntax d => d.Identifier.ValueText,
                ParameterSyntax p => p.Identifier.ValueText,
                CatchDeclarationSyntax c => c.Identifier.ValueText,
                LocalFunctionStatementSyntax l => l.Identifier.ValueText,
                _ => null,
            }).OfType<string>().ToHashSet(StringComparer.Ordinal);
            _assignedInLoop = Assigned(loop).ToHashSet(StringComparer.Ordinal);
        }

        /// <summary>An operation (arithmetic, a call, a conditional) that reads at least one variable: constants alone are folded by the compiler.</summary>
        public bool IsWorthHoisting(ExpressionSyntax expression) => Unparenthesize(expression) switch
        {
            BinaryExpressionSyntax binary => binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression
                or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression or SyntaxKind.LeftShiftExpression or SyntaxKind.RightShiftExpression
                or SyntaxKind.BitwiseAndExpression or SyntaxKind.BitwiseOrExpression or SyntaxKind.ExclusiveOrExpression,
            InvocationExpressionSyntax => true,
            ConditionalExpressionSyntax => true,
            _ => false,
        } && expression.Parent is not ParenthesizedExpressionSyntax && expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(IsVariable);

        private bool IsVariable(IdentifierNameSyntax name) => _input.Types.SingleDeclaration(name.Identifier.ValueText) switch
        {
            ParameterSyntax => true,
            VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax local } => !local.IsConst,
            _ => false,
        };

        public bool IsInvariant(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    return !literal.IsKind(SyntaxKind.DefaultLiteralExpression);
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsInvariant(parenthesized.Expression);
                case CastExpressionSyntax cast:
                    return cast.Type is PredefinedTypeSyntax && IsInvariant(cast.Expression);
                case IdentifierNameSyntax identifier:
                    return IsInvariantName(identifier.Identifier.ValueText);
                case PrefixUnaryExpressionSyntax unary when unary.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression
                    or SyntaxKind.BitwiseNotExpression or SyntaxKind.LogicalNotExpression:
                    return IsInvariant(unary.Operand);
                case BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression:
                    return IsInvariant(binary.Left) && IsInvariant(binary.Right) && CannotThrow(binary);
                case BinaryExpressionSyntax binary when binary.Kind() is not (SyntaxKind.AsExpression or SyntaxKind.IsExpression):
                    return IsInvariant(binary.Left) && IsInvariant(binary.Right);
                case ConditionalExpressionSyntax conditional:
                    return IsInvariant(conditional.Condition) && IsInvariant(conditional.WhenTrue) && IsInvariant(conditional.WhenFalse);
                case MemberAccessExpressionSyntax access:
                    return IsConstantMember(access);
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Math" or "MathF" } type } access } call
                    when PureMath.Contains(access.Name.Identifier.ValueText) && _input.Types.DeclarationsOf(type.Identifier.ValueText).Count == 0
                        && !_input.Types.IsField(type.Identifier.ValueText):
                    return call.ArgumentList.Arguments.All(a => a.RefKindKeyword.IsKind(SyntaxKind.None) && a.NameColon is null && IsInvariant(a.Expression));
                default:
                    return false;
            }
        }

        private bool IsInvariantName(string name)
        {
            if (_declaredInLoop.Contains(name) || _assignedInLoop.Contains(name) || _mutatedInLambdas.Contains(name))
            {
                return false;
            }
            switch (_input.Types.SingleDeclaration(name))
            {
                case ParameterSyntax parameter when parameter.Parent?.Parent == _input.Method:
                    return parameter.Modifiers.All(m => m.IsKind(SyntaxKind.ParamsKeyword));
                case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } declaration }:
                    return declaration.Type is not RefTypeSyntax && local.UsingKeyword.IsKind(SyntaxKind.None);
                default:
                    return false;
            }
        }

        private bool CannotThrow(BinaryExpressionSyntax division)
        {
            if (Unparenthesize(division.Right) is LiteralExpressionSyntax { Token.Value: { } value } && Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                return true;
            }
            NumericKind? Kind(string name) => NumericTypes.OfType(_input.Types.Of(name));
            var left = NumericTypes.Infer(division.Left, Kind);
            var right = NumericTypes.Infer(division.Right, Kind);
            return left is NumericKind.Double or NumericKind.Single || right is NumericKind.Double or NumericKind.Single;
        }

        private bool IsConstantMember(MemberAccessExpressionSyntax access) => access.Expression switch
        {
            PredefinedTypeSyntax => access.Name.Identifier.ValueText is "MaxValue" or "MinValue" or "Epsilon" or "PositiveInfinity" or "NegativeInfinity" or "NaN",
            IdentifierNameSyntax { Identifier.ValueText: "Math" or "MathF" } type when _input.Types.DeclarationsOf(type.Identifier.ValueText).Count == 0 =>
                access.Name.Identifier.ValueText is "PI" or "E" or "Tau",
            _ => false,
        };
    }
}
