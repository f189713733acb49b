using Sigil.Optimizers.Strategies;

namespace Sigil.Runs.Trials;

/// <summary>One trial as the run log keeps it: enough to audit it and to replay it on resume without asking again.</summary>
internal sealed record LoggedTrial(
    int Index,
    TrialStatus Status,
    string? CandidateId,
    string? ParentId,
    GeneratorArm? Arm,
    string? Answer,
    string? FailureKind,
    string? FailureMessage,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    double? Fitness,
    bool? Feasible,
    string? Label,
    string RequestDigest,
    string? EvaluationId = null);
