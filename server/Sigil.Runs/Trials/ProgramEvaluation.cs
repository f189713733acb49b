using Sigil.Workspace.Model;

namespace Sigil.Runs.Trials;

/// <summary>What an evaluation found.</summary>
/// <param name="Compiled">False when the candidate did not compile (then nothing ran).</param>
/// <param name="Feasible">Correct on every sample, no error.</param>
/// <param name="Fitness">Higher is better (see <see cref="RunObjective"/>); meaningful when feasible.</param>
/// <param name="Metrics">The metrics (speedup and its CI, quantiles, score, resources, errors).</param>
/// <param name="FailureKind">Why it is not feasible (<c>compile-error</c>, <c>wrong-result</c>, <c>timeout</c>, …), or <c>null</c>.</param>
/// <param name="FailureMessage">The failure in words, for the generator and the user.</param>
/// <param name="Records">The evaluation records to store with the candidate.</param>
internal sealed record ProgramEvaluation(
    bool Compiled,
    bool Feasible,
    double Fitness,
    IReadOnlyDictionary<string, double> Metrics,
    string? FailureKind,
    string? FailureMessage,
    IReadOnlyList<EvaluationRecord> Records)
{
    /// <summary>The acceptance rule's verdict on these samples, in words.</summary>
    public string? Verdict { get; init; }
}
