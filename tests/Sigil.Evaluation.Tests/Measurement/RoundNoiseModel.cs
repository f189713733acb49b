namespace Sigil.Evaluation.Tests.Measurement;

/// <summary>
/// A seeded model of per-round total times of two interleaved arms, calibrated on this machine kind (2 cores, other
/// builds running; rounds of 3–5 ms measured A/A: per-round log ratio with a robust SD of 0.03, 2–4% of rounds off by
/// 0.1 to 1.7). For round r of a run of R rounds:
/// ln T = ln μ_arm + W(t) + τ·t + ε + O, where
/// ε ~ N(0, <see cref="Sigma"/>²) per arm-round (the base coefficient of variation);
/// O = 0, or with probability <see cref="OutlierRate"/> per arm-round an exponential ln-slowdown of mean
/// <see cref="OutlierMeanLog"/> (preemption, a collection; 4% of outliers exceed e^1 = 2.7×);
/// W is a random walk shared by both arms (step SD <see cref="DriftStep"/> per round) and τ a linear trend drawn
/// uniformly within ±<see cref="TrendTotal"/> over the run (warm-up, thermal), both sampled at each arm's own time:
/// the baseline at the start of the round and the candidate half a round later (the worse, non-alternating order).
/// </summary>
internal sealed class RoundNoiseModel
{
    public double RoundNs { get; init; } = 4e6;

    public double Sigma { get; init; } = 0.02;

    public double OutlierRate { get; init; } = 0.03;

    public double OutlierMeanLog { get; init; } = 0.3;

    public double DriftStep { get; init; } = 0.01;

    public double TrendTotal { get; init; } = 0.10;

    /// <summary>One run: per-round totals of the baseline and of a candidate <paramref name="trueSpeedup"/> times faster.</summary>
    public (double[] Baseline, double[] Candidate) Run(Random random, int rounds, double trueSpeedup)
    {
        var baseline = new double[rounds];
        var candidate = new double[rounds];
        var trendPerHalfRound = (2 * random.NextDouble() - 1) * TrendTotal / (2.0 * rounds);
        var walk = 0.0;
        var halfStep = DriftStep * Math.Sqrt(0.5);
        for (var r = 0; r < rounds; r++)
        {
            walk += halfStep * Normal(random);
            baseline[r] = Math.Exp(Math.Log(RoundNs) + walk + trendPerHalfRound * (2 * r) + Noise(random));
            walk += halfStep * Normal(random);
            candidate[r] = Math.Exp(Math.Log(RoundNs / trueSpeedup) + walk + trendPerHalfRound * (2 * r + 1) + Noise(random));
        }
        return (baseline, candidate);
    }

    private double Noise(Random random)
    {
        var noise = Sigma * Normal(random);
        if (random.NextDouble() < OutlierRate) noise += -OutlierMeanLog * Math.Log(1 - random.NextDouble());
        return noise;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
