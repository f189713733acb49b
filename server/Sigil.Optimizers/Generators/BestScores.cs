namespace Sigil.Optimizers.Generators;

/// <summary>The scores a proposal has to beat.</summary>
/// <param name="Baseline">The baseline's score (the current code), if measured.</param>
/// <param name="Best">The best candidate's score so far, if any.</param>
/// <param name="Metric">What the score measures and its direction, e.g. "mean latency in ns, lower is better".</param>
public sealed record BestScores(double? Baseline, double? Best, string? Metric = null);
