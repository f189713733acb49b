using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Optimizers.Generators.Rules;

namespace Sigil.Optimizers.Tests.Strategies.Support;

/// <summary>
/// THE DETERMINISTIC FITNESS OF THESE TESTS — it stands in for the sandboxed timing and correctness check of a real
/// run (the run service's end-to-end tests use the real evaluation). A small cost model of the method's syntax:
/// <list type="bullet">
/// <item>cost: each statement 1, each call 10, each LINQ call 200 (it enumerates the input with a delegate), each
/// lambda or object/array creation 20 (allocations); all multiplied by the iterations of the enclosing loops (a
/// <c>for</c> bounded by a literal runs that many times, any other loop 100, the input's length);</item>
/// <item>fitness: the baseline's cost over the method's (a speedup; the baseline's is 1.0);</item>
/// <item>correctness ("wrong result" when broken): every literal in a loop condition stays at least
/// <see cref="MinLoopBound"/> (fewer iterations do not converge), and the non-zero literals outside loop conditions
/// keep the baseline's values (they are the method's constants).</item>
/// </list>
/// </summary>
internal sealed class CostModel : IFitnessModel
{
    /// <summary>Below this many iterations the scripted method gives wrong results.</summary>
    public const double MinLoopBound = 25;

    private static readonly HashSet<string> Linq = new(StringComparer.Ordinal)
    {
        "Where", "Select", "Sum", "Count", "Any", "All", "Max", "Min", "Average", "OrderBy", "ToList", "ToArray", "First", "Aggregate",
    };

    private readonly double _baselineCost;
    private readonly List<double> _constants;

    public CostModel(string baselineMethod)
    {
        _baselineCost = Cost(Parse(baselineMethod));
        _constants = Constants(baselineMethod);
    }

    public Verdict Score(string methodSource)
    {
        var method = Parse(methodSource);
        var cost = Cost(method);
        var fitness = _baselineCost / cost;
        var literals = NumericLiterals.Find(method);
        if (literals.FirstOrDefault(l => l.InLoopCondition && l.Value < MinLoopBound) is { } bound)
        {
            return new Verdict(fitness, false, cost, $"wrong result: {bound.Text} iterations do not converge (at least {MinLoopBound} are needed)");
        }
        var constants = Constants(methodSource);
        if (!constants.SequenceEqual(_constants))
        {
            return new Verdict(fitness, false, cost, $"wrong result: the constants are {string.Join(", ", constants)}, not {string.Join(", ", _constants)}");
        }
        return new Verdict(fitness, true, cost);
    }

    /// <summary>The method's cost in the model's units.</summary>
    public static double Cost(MethodDeclarationSyntax method)
    {
        var cost = 0.0;
        foreach (var node in method.DescendantNodes())
        {
            var weight = node switch
            {
                BlockSyntax => 0,
                StatementSyntax => 1,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } when Linq.Contains(access.Name.Identifier.ValueText) => 200,
                InvocationExpressionSyntax => 10,
                LambdaExpressionSyntax or BaseObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax => 20,
                _ => 0,
            };
            if (weight > 0)
            {
                cost += weight * Iterations(node, method);
            }
        }
        return Math.Max(cost, 1);
    }

    private static double Iterations(SyntaxNode node, MethodDeclarationSyntax method)
    {
        var times = 1.0;
        foreach (var loop in node.Ancestors().TakeWhile(a => a != method))
        {
            times *= loop switch
            {
                ForStatementSyntax f when f.Statement.Span.Contains(node.Span) => Bound(f),
                ForEachStatementSyntax f when f.Statement.Span.Contains(node.Span) => 100,
                WhileStatementSyntax w when w.Statement.Span.Contains(node.Span) => 100,
                DoStatementSyntax d when d.Statement.Span.Contains(node.Span) => 100,
                _ => 1,
            };
        }
        return times;
    }

    private static double Bound(ForStatementSyntax loop) =>
        loop.Condition?.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.NumericLiteralExpression))
            .Select(l => Convert.ToDouble(l.Token.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Cast<double?>().FirstOrDefault() ?? 100;

    private static List<double> Constants(string methodSource) =>
        [.. NumericLiterals.Find(methodSource).Where(l => !l.InLoopCondition && l.Value != 0).Select(l => l.Value).Order()];

    private static MethodDeclarationSyntax Parse(string methodSource) =>
        MethodText.Parse(methodSource) ?? throw new ArgumentException("Not one method:\n" + methodSource, nameof(methodSource));
}
