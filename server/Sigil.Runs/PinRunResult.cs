namespace Sigil.Runs;

/// <summary>What a run found for one pin.</summary>
/// <param name="Pin">The pin's qualified name.</param>
/// <param name="FunctionId">The pin's FunctionID.</param>
/// <param name="RunId">The run log's id (<c>run://b3:…</c>), to audit or resume.</param>
/// <param name="Trials">Trials made (resumed ones included).</param>
/// <param name="Resumed">Trials answered from the log on resume.</param>
/// <param name="Evaluated">New candidates evaluated.</param>
/// <param name="BaselineFitness">The baseline's fitness.</param>
/// <param name="BestCandidate">The best feasible candidate (<c>diff://b3:…</c>), or <c>null</c> when none beat the baseline.</param>
/// <param name="BestFitness">Its fitness (the baseline's when there is none).</param>
/// <param name="BestMetrics">Its metrics on the visible samples.</param>
/// <param name="Accepted">Whether the best passed the acceptance rule on fresh rounds over the holdout samples.</param>
/// <param name="Verdict">The acceptance rule's reason, in words.</param>
/// <param name="SampleSet">The digest of the sample set used.</param>
/// <param name="Samples">Visible and holdout sample counts.</param>
/// <param name="StopReason">Why the optimizer stopped.</param>
public sealed record PinRunResult(
    string Pin,
    string FunctionId,
    string RunId,
    int Trials,
    int Resumed,
    int Evaluated,
    double BaselineFitness,
    string? BestCandidate,
    double BestFitness,
    IReadOnlyDictionary<string, double> BestMetrics,
    bool Accepted,
    string Verdict,
    string SampleSet,
    (int Visible, int Holdout) Samples,
    string StopReason);
