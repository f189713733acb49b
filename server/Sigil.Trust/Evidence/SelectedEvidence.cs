using Sigil.Manifests.Model;
using Sigil.Workspace.Model;

namespace Sigil.Trust.Evidence;

/// <summary>The stored evaluation a pin's claim stands on, and what a manifest pin takes from it.</summary>
/// <param name="Evaluation">The holdout or comparison evaluation.</param>
/// <param name="Metrics">Its finite metrics plus the derived <c>correct</c>.</param>
/// <param name="Evidence">Trials (rounds × samples) and the speedup / score-difference intervals.</param>
internal sealed record SelectedEvidence(EvaluationRecord Evaluation, IReadOnlyDictionary<string, double> Metrics, PinEvidence Evidence)
{
    /// <summary>True when the acceptance rule accepted the candidate in this evaluation and it was correct.</summary>
    public bool Accepted => Metrics.GetValueOrDefault(EvidenceMetrics.Accepted) > 0 && Metrics[EvidenceMetrics.Correct] > 0;

    /// <summary>
    /// What the selection passed over, for the promote warnings: how many evaluations of the chosen kind exist and which
    /// of them disagree with the chosen one, and comparisons overridden by the holdout when they disagree with it.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Comparisons that pass while the holdout evidence chosen over them does not (they cannot overturn it).</summary>
    public int PassingComparisonsIgnored { get; init; }
}
