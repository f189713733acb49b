using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// Replaces a LINQ chain over an array or <c>List&lt;T&gt;</c> — <c>Where</c>/<c>Select</c> stages ending in
/// <c>Sum</c>, <c>Count</c>, <c>Any</c>, <c>All</c>, <c>Max</c> or <c>Min</c> — with a <c>foreach</c> loop that
/// keeps its results: integer sums are <c>checked</c> as <c>Enumerable.Sum</c> is, float sums accumulate in double,
/// <c>Max</c>/<c>Min</c> (integers only: NaN rules differ for floating types) throw on an empty sequence as LINQ does.
/// Applies only where the chain is a whole <c>return</c> value, expression body, local initializer or assignment
/// (so nothing else in the statement changes order), and the receiver's type and the element types are evident.
/// A null receiver throws <see cref="NullReferenceException"/> instead of <see cref="ArgumentNullException"/>.
/// </summary>
public sealed class LinqToLoopOperator : IRewriteOperator
{
    /// <summary>The operator's name.</summary>
    public const string OperatorName = "linq-to-loop";

    private static readonly HashSet<string> Terminals = new(StringComparer.Ordinal) { "Sum", "Count", "Any", "All", "Max", "Min" };

    /// <inheritdoc />
    public string Name => OperatorName;

    /// <inheritdoc />
    public string Description => "Replaces a LINQ Where/Select chain ending in Sum, Count, Any, All, Max or Min over an array or list with a foreach loop.";

    /// <inheritdoc />
    public RewriteOutcome Rewrite(RewriteInput input, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        var plans = new List<Plan>();
        var reasons = new List<string>();
        foreach (var invocation in input.Method.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } || !Terminals.Contains(name.Identifier.ValueText))
            {
                continue;
            }
            var plan = Analyze(invocation, input, out var reason);
            if (plan is not null)
            {
                plans.Add(plan);
            }
            else
            {
                reasons.Add($"`{Short(invocation)}`: {reason}");
            }
        }
        if (plans.Count == 0)
        {
            return new NotApplicable(reasons.Count == 0
                ? "The method has no LINQ chain ending in Sum, Count, Any, All, Max or Min."
                : "No LINQ chain can be rewritten safely (" + string.Join("; ", reasons.Take(3)) + ").");
        }
        var chosen = plans[random.Next(plans.Count)];
        var built = Build(chosen, input, out var failure);
        return built is null
            ? new NotApplicable($"`{Short(chosen.Invocation)}`: {failure}")
            : new Rewritten(built, $"replaced `{Short(chosen.Invocation)}` with a foreach loop{(chosen.Checked ? " (checked, as Enumerable.Sum is)" : string.Empty)}.");
    }

    private static Plan? Analyze(InvocationExpressionSyntax invocation, RewriteInput input, out string? reason)
    {
        reason = null;
        var access = (MemberAccessExpressionSyntax)invocation.Expression;
        var terminal = access.Name.Identifier.ValueText;
        var stages = new List<Stage>();
        var expression = access.Expression;
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } call)
        {
            var method = inner.Name.Identifier.ValueText;
            if (method is not ("Where" or "Select") || inner.Name is GenericNameSyntax)
            {
                reason = $"the chain uses {method}, which is not rewritten";
                return null;
            }
            if (call.ArgumentList.Arguments is not [var argument] || InlinedLambda.From(argument, out reason) is not { } lambda)
            {
                reason ??= $"{method} does not take one lambda";
                return null;
            }
            stages.Insert(0, new Stage(method == "Where", lambda));
            expression = inner.Expression;
        }
        if (expression is not IdentifierNameSyntax receiver)
        {
            reason = "the chain does not start from a parameter, local or field";
            return null;
        }
        var receiverType = input.Types.Of(receiver.Identifier.ValueText);
        var collection = Collections.KindOf(receiverType);
        if (collection == CollectionKind.Other)
        {
            reason = $"`{receiver.Identifier.ValueText}` is not declared as an array or a List<T> (or its declaration is not evident)";
            return null;
        }

        InlinedLambda? terminalLambda = null;
        switch (invocation.ArgumentList.Arguments.Count)
        {
            case 0 when terminal == "All":
                reason = "All needs a predicate";
                return null;
            case 0:
                break;
            case 1:
                terminalLambda = InlinedLambda.From(invocation.ArgumentList.Arguments[0], out reason);
                if (terminalLambda is null)
                {
                    return null;
                }
                break;
            default:
                reason = $"{terminal} has several arguments";
                return null;
        }
        if (terminalLambda is not null && terminal is "Sum" or "Max" or "Min")
        {
            stages.Add(new Stage(false, terminalLambda));
            terminalLambda = null;
        }
        else if (terminalLambda is not null && terminal is "Count" or "Any")
        {
            stages.Add(new Stage(true, terminalLambda));
            terminalLambda = null;
        }
        if (stages.Count == 0 && terminal is not "All")
        {
            reason = terminal is "Count" or "Any"
                ? $"{terminal}() over the whole collection is already a length check"
                : $"{terminal}() over an array or a list is already vectorized by .NET";
            return null;
        }
        if (stages.Count > 0 && stages.All(s => !s.IsFilter) && terminal is "Count" or "Any")
        {
            reason = $"{terminal}() after Select only counts elements; not rewritten";
            return null;
        }

        NumericKind? kind = null;
        if (terminal is "Sum" or "Max" or "Min")
        {
            kind = ElementKind(stages, Collections.Element(receiverType), input);
            if (kind is null)
            {
                reason = "the element type to add or compare is not evident from the syntax";
                return null;
            }
            if (terminal == "Sum" && kind is NumericKind.UInt32 or NumericKind.UInt64)
            {
                reason = "Enumerable.Sum has no unsigned overload";
                return null;
            }
            if (terminal != "Sum" && kind is not (NumericKind.Int32 or NumericKind.Int64))
            {
                reason = $"{terminal} is only rewritten for int and long (floating types have their own NaN rules)";
                return null;
            }
        }

        var host = HostOf(invocation, input, out reason);
        if (host is null)
        {
            return null;
        }
        return new Plan(invocation, receiver.Identifier.ValueText, stages, terminal, terminalLambda, kind, host);
    }

    private static NumericKind? ElementKind(List<Stage> stages, TypeSyntax? elementType, RewriteInput input)
    {
        var kind = NumericTypes.OfType(elementType);
        foreach (var stage in stages)
        {
            if (stage.IsFilter)
            {
                continue;
            }
            var current = kind;
            var name = stage.Lambda.Parameter;
            kind = NumericTypes.Infer(stage.Lambda.Body, n => n == name ? current : NumericTypes.OfType(input.Types.Of(n)));
            if (kind is null)
            {
                return null;
            }
        }
        return kind;
    }

    private static Host? HostOf(InvocationExpressionSyntax invocation, RewriteInput input, out string? reason)
    {
        reason = null;
        var method = input.Method;
        if (method.ExpressionBody?.Expression == invocation)
        {
            if (method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
            {
                reason = "the method returns void";
                return null;
            }
            return new Host(HostKind.ExpressionBody, null);
        }
        StatementSyntax? statement = invocation.Parent switch
        {
            ReturnStatementSyntax ret => ret,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax local } } }
                when local.UsingKeyword.IsKind(SyntaxKind.None) && !local.IsConst => local,
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax, Parent: ExpressionStatementSyntax statementOf } assignment
                when assignment.Right == invocation => statementOf,
            _ => null,
        };
        if (statement is null)
        {
            reason = "the chain is part of a larger expression (only a whole return value, local initializer or assignment is rewritten)";
            return null;
        }
        if (statement.Parent is not BlockSyntax || !MethodText.StartsLine(input.Text, statement.SpanStart))
        {
            reason = "the statement holding the chain is not on its own line in a block";
            return null;
        }
        return new Host(HostKind.Statement, statement);
    }

    private static string? Build(Plan plan, RewriteInput input, out string? failure)
    {
        failure = null;
        // New names must avoid every name the method spells, except the chain's own lambda parameters (they become
        // the loop's variables); names used inside the lambda bodies (a field read there, say) stay taken.
        var lambdas = plan.Stages.Select(s => s.Lambda).Concat(plan.TerminalLambda is null ? [] : [plan.TerminalLambda]).ToList();
        var taken = input.ContextNames();
        foreach (var token in input.Method.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
        {
            var owner = lambdas.FirstOrDefault(l => l.Node.Span.Contains(token.Span));
            if (owner is null || token.ValueText != owner.Parameter)
            {
                taken.Add(token.ValueText);
            }
        }

        var first = plan.Stages.Count > 0 ? plan.Stages[0].Lambda.Parameter : plan.TerminalLambda?.Parameter;
        var element = first is not null && !taken.Contains(first) ? first : "item";
        element = MethodText.UniqueName(taken, element);

        var body = new CodeLines();
        var current = element;
        foreach (var stage in plan.Stages)
        {
            var text = stage.Lambda.BodyWith(current);
            if (text is null)
            {
                failure = $"its lambda parameter '{stage.Lambda.Parameter}' cannot be renamed to '{current}' safely";
                return null;
            }
            if (stage.IsFilter)
            {
                body.Add(0, $"if (!({text}))").Block(0, l => body.Add(l, "continue;"));
            }
            else
            {
                var name = MethodText.UniqueName(taken, stage.Lambda.Parameter == current ? "selected" : stage.Lambda.Parameter);
                body.Add(0, $"var {name} = {text};");
                current = name;
            }
        }

        var before = new CodeLines();
        var after = new CodeLines();
        string result;
        var chosen = current;
        switch (plan.Terminal)
        {
            case "Sum":
                {
                    var sum = MethodText.UniqueName(taken, "sum");
                    var accumulator = plan.Kind == NumericKind.Single ? "double" : NumericTypes.Keyword(plan.Kind!.Value);
                    before.Add(0, $"{accumulator} {sum} = 0;");
                    body.Add(0, plan.Checked ? $"{sum} = checked({sum} + {chosen});" : $"{sum} += {chosen};");
                    result = plan.Kind == NumericKind.Single ? $"(float){sum}" : sum;
                    break;
                }
            case "Count":
                {
                    var count = MethodText.UniqueName(taken, "count");
                    before.Add(0, $"var {count} = 0;");
                    body.Add(0, $"{count}++;");
                    result = count;
                    break;
                }
            case "Any":
                {
                    var any = MethodText.UniqueName(taken, "any");
                    before.Add(0, $"var {any} = false;");
                    body.Add(0, $"{any} = true;").Add(0, "break;");
                    result = any;
                    break;
                }
            case "All":
                {
                    var all = MethodText.UniqueName(taken, "all");
                    var text = plan.TerminalLambda!.BodyWith(chosen);
                    if (text is null)
                    {
                        failure = $"its lambda parameter '{plan.TerminalLambda.Parameter}' cannot be renamed to '{chosen}' safely";
                        return null;
                    }
                    before.Add(0, $"var {all} = true;");
                    body.Add(0, $"if (!({text}))").Block(0, l => body.Add(l, $"{all} = false;").Add(l, "break;"));
                    result = all;
                    break;
                }
            default:
                {
                    var isMax = plan.Terminal == "Max";
                    var best = MethodText.UniqueName(taken, isMax ? "max" : "min");
                    var found = MethodText.UniqueName(taken, "found");
                    before.Add(0, $"{NumericTypes.Keyword(plan.Kind!.Value)} {best} = 0;").Add(0, $"var {found} = false;");
                    body.Add(0, $"if (!{found} || {chosen} {(isMax ? ">" : "<")} {best})")
                        .Block(0, l => body.Add(l, $"{best} = {chosen};").Add(l, $"{found} = true;"));
                    after.Add(0, $"if (!{found})")
                        .Block(0, l => after.Add(l, "throw new global::System.InvalidOperationException(\"Sequence contains no elements\");"));
                    result = best;
                    break;
                }
        }

        var unit = input.IndentUnit;
        string Statements(string indent) =>
            before.Render(indent, unit)
            + indent + $"foreach (var {element} in {plan.Receiver})\n" + indent + "{\n"
            + body.Render(indent + unit, unit)
            + indent + "}\n"
            + after.Render(indent, unit);

        if (plan.Host.Kind == HostKind.ExpressionBody)
        {
            var arrow = input.Method.ExpressionBody!.ArrowToken;
            var start = arrow.GetPreviousToken().Span.End;
            var end = input.Method.SemicolonToken.Span.End;
            var block = "\n{\n" + Statements(unit) + unit + "return " + result + ";\n}";
            return MethodText.ApplyEdits(input.Text, [(TextSpan.FromBounds(start, end), block)]);
        }
        var statement = plan.Host.Statement!;
        var indentation = MethodText.LineIndentation(input.Text, statement.SpanStart);
        var lineStart = MethodText.LineStart(input.Text, statement.SpanStart);
        return MethodText.ApplyEdits(input.Text,
        [
            (new TextSpan(lineStart, 0), Statements(indentation)),
            (plan.Invocation.Span, result),
        ]);
    }

    private static string Short(SyntaxNode node)
    {
        var text = string.Join(" ", node.ToString().Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return text.Length <= 80 ? text : text[..77] + "...";
    }

    private sealed record Stage(bool IsFilter, InlinedLambda Lambda);

    private enum HostKind
    {
        ExpressionBody,
        Statement,
    }

    private sealed record Host(HostKind Kind, StatementSyntax? Statement);

    private sealed record Plan(
        InvocationExpressionSyntax Invocation,
        string Receiver,
        List<Stage> Stages,
        string Terminal,
        InlinedLambda? TerminalLambda,
        NumericKind? Kind,
        Host Host)
    {
        public bool Checked => Terminal == "Sum" && Kind is NumericKind.Int32 or NumericKind.Int64;
    }
}
