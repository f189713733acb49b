namespace Sigil.Optimizers.Tests.Strategies.Support;

/// <summary>What a <see cref="IFitnessModel"/> says of a method: its fitness (speedup over the baseline) and whether its results are right.</summary>
internal sealed record Verdict(double Fitness, bool Feasible, double Cost, string? FailureMessage = null);
