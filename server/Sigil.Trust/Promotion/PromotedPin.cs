using Sigil.Core.Identity;
using Sigil.Manifests.Model;

namespace Sigil.Trust.Promotion;

/// <summary>One pin of a promoted manifest and the stored evaluation behind it.</summary>
/// <param name="FunctionId">The pinned function.</param>
/// <param name="Candidate">The approved candidate.</param>
/// <param name="Evaluator">The evaluation's evaluator name (<c>&lt;eval&gt;#holdout</c> or <c>&lt;eval&gt;#compare</c>).</param>
/// <param name="EvaluationId">The evaluation's id (<c>b3:…</c>) in the workspace.</param>
/// <param name="EvaluatedAt">When that evaluation ran.</param>
/// <param name="Metrics">The metrics written to the manifest.</param>
/// <param name="Evidence">The trials and intervals written to the manifest.</param>
/// <param name="Summary">One line for people, e.g. <c>speedup 1.4× (95% CI 1.2–1.6), 2000 trials, 20/20 samples correct</c>.</param>
/// <param name="Artifact">The compiled method the resolver serves, or null when this pin can only be published.</param>
public sealed record PromotedPin(
    FunctionId FunctionId,
    CandidateId Candidate,
    string Evaluator,
    string EvaluationId,
    DateTimeOffset EvaluatedAt,
    IReadOnlyDictionary<string, double> Metrics,
    PinEvidence Evidence,
    string Summary,
    PinArtifact? Artifact = null)
{
    /// <summary>The pin's short name, <c>Kernels.Root(double)</c>.</summary>
    public string QualifiedName => FunctionId.QualifiedName;
}
