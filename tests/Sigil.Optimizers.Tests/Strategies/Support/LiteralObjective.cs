using Sigil.Optimizers.Generators.Rules;

namespace Sigil.Optimizers.Tests.Strategies.Support;

/// <summary>
/// A scripted objective over a method's numeric literal values (a stand-in for sandboxed timing, like
/// <see cref="CostModel"/>): <paramref name="objective"/> maps the values, in document order, to a fitness, or to
/// <c>null</c> for a wrong result.
/// </summary>
internal sealed class LiteralObjective(Func<double[], double?> objective) : IFitnessModel
{
    public Verdict Score(string methodSource)
    {
        var values = NumericLiterals.Find(methodSource).Select(l => l.Value).ToArray();
        return objective(values) is { } fitness
            ? new Verdict(fitness, true, 1 / fitness)
            : new Verdict(0, false, double.PositiveInfinity, $"wrong result for literals {string.Join(", ", values)}");
    }
}
