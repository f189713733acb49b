using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Strategies;

namespace Sigil.Runs.Trials;

/// <summary>What a trial started from: an answer (or why there is none), the arm asked and what it cost.</summary>
internal sealed record Proposal(
    string? Answer,
    GeneratorArm? Arm,
    string? FailureKind,
    string? FailureMessage,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    string? Model,
    string? PromptDigest,
    bool IsOutOfBudget)
{
    public static Proposal Ready(string answer) => new(answer, null, null, null, 0, 0, 0m, null, null, false);

    public static Proposal OutOfBudget(GeneratorArm arm) =>
        new(null, arm, "out-of-budget", "The run's token or USD budget is spent; the generator was not asked.", 0, 0, 0m, arm.Model, null, true);

    public static Proposal From(GeneratorArm arm, GenerationResult result) => new(
        result.Answer,
        arm,
        result.Failure is { } failure ? FailureNames.Of(failure.Kind) : null,
        result.Failure?.Message,
        result.Usage.PromptTokens,
        result.Usage.CompletionTokens,
        result.Usage.CostUsd,
        result.Model ?? arm.Model,
        result.PromptDigest,
        result.Failure?.Kind == GenerationFailureKind.BudgetExhausted);

    public static Proposal FromLog(LoggedTrial trial) => new(
        trial.Answer,
        trial.Arm,
        trial.Answer is null ? trial.FailureKind : null,
        trial.Answer is null ? trial.FailureMessage : null,
        trial.InputTokens,
        trial.OutputTokens,
        trial.CostUsd,
        trial.Arm?.Model,
        null,
        trial.Status == TrialStatus.OutOfBudget);
}
