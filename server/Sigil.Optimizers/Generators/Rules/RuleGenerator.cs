using System.Diagnostics;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// Proposes whole-method answers by Roslyn rewrites (<see cref="IRewriteOperator"/>s): no endpoint, no tokens, no
/// cost. The request's <see cref="GenerationRequest.Operator"/> names the rewrite; without one, the seed orders the
/// operators and the first that applies is used. Rewrites start from <see cref="GenerationRequest.StartingSource"/>.
/// When nothing applies the result is a <see cref="GenerationFailureKind.NotApplicable"/> failure saying why, never
/// an answer that changes nothing. Deterministic: the same request and seed give the same answer.
/// </summary>
public sealed class RuleGenerator : ICandidateGenerator
{
    /// <summary>The <see cref="Kind"/> of this generator.</summary>
    public const string KindName = "rules";

    private readonly IReadOnlyList<IRewriteOperator> _operators;

    /// <summary>A generator with <paramref name="operators"/> (default: <see cref="RewriteOperators.All"/>).</summary>
    public RuleGenerator(IEnumerable<IRewriteOperator>? operators = null)
    {
        _operators = (operators ?? RewriteOperators.All).ToList();
        if (_operators.Count == 0)
        {
            throw new ArgumentException("A rule generator needs at least one operator.", nameof(operators));
        }
        var duplicate = _operators.GroupBy(o => o.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two operators are named '{duplicate.Key}'.", nameof(operators));
        }
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>The operators' names, in order.</summary>
    public IEnumerable<string> OperatorNames => _operators.Select(o => o.Name);

    /// <inheritdoc />
    public Task<GenerationResult> ProposeAsync(GenerationRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Propose(request));
    }

    /// <summary>The synchronous form of <see cref="ProposeAsync"/> (the rewrites do no I/O).</summary>
    public GenerationResult Propose(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        IRewriteOperator[] order;
        if (request.Operator is { } name)
        {
            var chosen = _operators.FirstOrDefault(o => o.Name == name)
                ?? throw new ArgumentException($"Unknown rewrite operator '{name}'; known operators: {string.Join(", ", OperatorNames)}.", nameof(request));
            order = [chosen];
        }
        else
        {
            order = [.. SeededRandom.For(request.Seed, "sigil.rules.order").Shuffle(_operators)];
        }

        var input = RewriteInput.Create(request.StartingSource, request.ContextSource);
        if (input is null)
        {
            return NotApplicable(request.Operator, started, "The method to rewrite does not parse as one method declaration.");
        }
        var reasons = new List<string>();
        foreach (var rewrite in order)
        {
            var outcome = rewrite.Rewrite(input, SeededRandom.For(request.Seed, "sigil.rules." + rewrite.Name));
            switch (outcome)
            {
                case Rewritten rewritten when MethodText.Parse(rewritten.MethodSource) is null:
                    reasons.Add($"{rewrite.Name}: its rewrite did not parse (a bug in the operator; please report it).");
                    break;
                case Rewritten rewritten when rewritten.MethodSource == input.Text:
                    reasons.Add($"{rewrite.Name}: its rewrite changed nothing.");
                    break;
                case Rewritten rewritten:
                    return new GenerationResult
                    {
                        GeneratorKind = KindName,
                        Operator = rewrite.Name,
                        Answer = MethodText.Answer(rewrite.Name, rewritten.Summary, rewritten.MethodSource),
                        Latency = Stopwatch.GetElapsedTime(started),
                    };
                case NotApplicable notApplicable:
                    reasons.Add($"{rewrite.Name}: {notApplicable.Reason}");
                    break;
            }
        }
        return NotApplicable(request.Operator, started, string.Join(" ", reasons));
    }

    private static GenerationResult NotApplicable(string? operatorName, long started, string reason) => new()
    {
        GeneratorKind = KindName,
        Operator = operatorName,
        Failure = new GenerationFailure(GenerationFailureKind.NotApplicable, "No rewrite applies. " + reason),
        Latency = Stopwatch.GetElapsedTime(started),
    };
}
