using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Workspace.Model;

namespace Sigil.Runs;

/// <summary>Checks a <see cref="RunRequest"/> before anything is opened, with messages that say what to change.</summary>
public static class RunRequestValidator
{
    /// <summary>The most trials per pin a run accepts.</summary>
    public const int MaxIterations = 100_000;

    /// <exception cref="RunException">Something in the request is out of range.</exception>
    public static void Validate(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!File.Exists(request.ProjectFile))
        {
            throw new RunException($"The project file {request.ProjectFile} does not exist; set it with 'sigil config set project NAME.csproj'.");
        }
        Check(request.Iterations is >= 1 and <= MaxIterations, $"--niter must be between 1 and {MaxIterations:N0} (got {request.Iterations}).");
        Check(request.Rounds is >= 3 and <= 10_000, $"--rounds must be between 3 and 10,000 (got {request.Rounds}); paired statistics need at least 3.");
        Check(request.AcceptRounds is >= 3 and <= 10_000, $"--accept-rounds must be between 3 and 10,000 (got {request.AcceptRounds}); paired statistics need at least 3.");
        Check(request.MaxSamples is >= 1 and <= 1_000_000, $"--max-samples must be between 1 and 1,000,000 (got {request.MaxSamples}).");
        Check(request.HoldoutShare is >= 0 and < 1, $"--holdout must be at least 0 and below 1 (got {request.HoldoutShare}).");
        Check(request.BudgetTokens is null or > 0, $"--budget-tokens must be positive (got {request.BudgetTokens}).");
        Check(request.BudgetUsd is null or > 0, $"--budget-usd must be positive (got {request.BudgetUsd}).");
        Check(IsName(request.Workspace), $"'{request.Workspace}' is not a valid workspace name: use 1-{WorkspaceLimits.MaxNameLength} letters, digits, '.', '_' or '-'.");
        Check(IsName(request.Spec), $"'{request.Spec}' is not a valid spec name: use 1-{WorkspaceLimits.MaxNameLength} letters, digits, '.', '_' or '-'.");
        try
        {
            OptimizerCatalog.Create(request.Optimizer, RunService.Settings(request));
        }
        catch (OptimizerSettingsException e)
        {
            throw new RunException(e.Message, e);
        }
    }

    private static bool IsName(string? name) =>
        name is { Length: > 0 } && char.IsAsciiLetterOrDigit(name[0]) && name.Length <= WorkspaceLimits.MaxNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new RunException(message);
        }
    }
}
