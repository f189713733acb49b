namespace Sigil.Runs.Inspection;

/// <summary>One candidate compared with the baseline in fresh paired trials.</summary>
/// <param name="Pin">The pin.</param>
/// <param name="Candidate">The candidate id.</param>
/// <param name="Samples">Samples replayed.</param>
/// <param name="Correct">Same results as the baseline (or an eval score at least the baseline's) on every sample.</param>
/// <param name="Improved">The acceptance rule's verdict: correct and a CI that supports the improvement.</param>
/// <param name="Verdict">The verdict in words.</param>
/// <param name="Metrics">Speedup with CI, latency quantiles of both, scores, resources, errors.</param>
public sealed record Comparison(string Pin, string Candidate, int Samples, bool Correct, bool Improved, string Verdict, IReadOnlyDictionary<string, double> Metrics);
