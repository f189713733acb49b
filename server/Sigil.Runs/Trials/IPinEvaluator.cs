using Sigil.Candidates.Building;

namespace Sigil.Runs.Trials;

/// <summary>Compiles and evaluates a candidate of one pin against the baseline (the sandbox behind it).</summary>
internal interface IPinEvaluator
{
    /// <summary>Evaluates <paramref name="candidate"/>, whose project sources are <paramref name="sources"/>.</summary>
    /// <param name="candidate">The candidate.</param>
    /// <param name="sources">All of the project's sources in the candidate.</param>
    /// <param name="cascade">Check on a few samples first and stop there when the candidate is wrong or far slower.</param>
    /// <param name="ct">Cancels the evaluation.</param>
    Task<ProgramEvaluation> EvaluateAsync(Candidate candidate, IReadOnlyDictionary<string, string> sources, bool cascade, CancellationToken ct);
}
