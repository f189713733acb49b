using Sigil.Optimizers.Generators;

namespace Sigil.Optimizers.Strategies.Bandit;

/// <summary>Draws from Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (Marsaglia–Tsang), from a seeded generator.</summary>
internal static class BetaSampler
{
    /// <summary>A draw from Beta(<paramref name="a"/>, <paramref name="b"/>); both must be positive.</summary>
    public static double Next(SeededRandom random, double a, double b)
    {
        var x = Gamma(random, a);
        var y = Gamma(random, b);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    private static double Gamma(SeededRandom random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            var x = Normal(random);
            var v = 1 + c * x;
            if (v <= 0)
            {
                continue;
            }
            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static double Normal(SeededRandom random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
