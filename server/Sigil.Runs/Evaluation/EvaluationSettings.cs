using Sigil.Evaluation.Measurement;
using Sigil.Evaluation.Sandbox;

namespace Sigil.Runs.Evaluation;

/// <summary>How a run evaluates candidates: rounds, the cascade, the acceptance criteria and the API policy.</summary>
internal sealed record EvaluationSettings
{
    public int Rounds { get; init; } = PairedTiming.DefaultRounds;

    /// <summary>Rounds of the holdout confirmation, which decides acceptance (more than the search's: a claim needs power).</summary>
    public int AcceptRounds { get; init; } = 100;

    /// <summary>Rounds of the cascade's cheap first check.</summary>
    public int CascadeRounds { get; init; } = 3;

    /// <summary>Samples of the cascade's cheap first check.</summary>
    public int CascadeSamples { get; init; } = 8;

    /// <summary>Below this speedup in the cascade, the full evaluation is skipped (the cascade's figures stand).</summary>
    public double CascadeMinSpeedup { get; init; } = 0.5;

    public AcceptanceCriteria Criteria { get; init; } = AcceptanceCriteria.Default;

    public ApiPolicy Policy { get; init; } = ApiPolicy.PureComputation;

    public int Seed { get; init; }

    /// <summary>The evaluator's name as stored with results: the eval function (<c>QuickStart.Kernels.RootError</c>) or <c>outputs-equal</c>.</summary>
    public required string EvaluatorName { get; init; }

    /// <summary>The evaluator's version: a digest of the eval function and of these settings.</summary>
    public required string EvaluatorVersion { get; init; }
}
