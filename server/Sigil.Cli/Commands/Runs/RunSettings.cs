using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Runs;

/// <summary>Options of <c>sigil run</c>.</summary>
public sealed class RunSettings : ProjectSettings
{
    /// <summary>The spec.</summary>
    [CommandArgument(0, "<SPEC>")]
    [Description("The spec whose pins to improve")]
    public string Spec { get; init; } = "";

    /// <summary>The workspace.</summary>
    [CommandOption("--name <WS>")]
    [Description("The workspace to store candidates in (like a branch), e.g. v1")]
    public string? Name { get; init; }

    /// <summary>The optimizer.</summary>
    [CommandOption("--optimizer <NAME>")]
    [Description("best-of-n, alphaevolve, annealing, rl or mads (default best-of-n)")]
    public string Optimizer { get; init; } = "best-of-n";

    /// <summary>Trials per pin.</summary>
    [CommandOption("--niter <N>")]
    [Description("Trials per pin (default 20)")]
    public int Iterations { get; init; } = 20;

    /// <summary>Token cap.</summary>
    [CommandOption("--budget-tokens <T>")]
    [Description("Stop asking the LLM after this many tokens in all")]
    public long? BudgetTokens { get; init; }

    /// <summary>USD cap.</summary>
    [CommandOption("--budget-usd <D>")]
    [Description("Stop asking the LLM after this many USD in all (needs prices for the model)")]
    public decimal? BudgetUsd { get; init; }

    /// <summary>Seed.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of every random choice (default 1)")]
    public long Seed { get; init; } = 1;

    /// <summary>Resume.</summary>
    [CommandOption("--resume")]
    [Description("Continue the last run of this spec, workspace and optimizer where it stopped")]
    public bool Resume { get; init; }

    /// <summary>Pin filter.</summary>
    [CommandOption("--pin <TEXT>")]
    [Description("Only pins whose name contains TEXT, e.g. Root")]
    public string? Pin { get; init; }

    /// <summary>Objective.</summary>
    [CommandOption("--objective <speed|score>")]
    [Description("speed (default: faster, same results) or score (a higher eval score)")]
    public string Objective { get; init; } = "speed";

    /// <summary>Rounds.</summary>
    [CommandOption("--rounds <N>")]
    [Description("Interleaved rounds per evaluation (default 30)")]
    public int Rounds { get; init; } = 30;

    /// <summary>Acceptance rounds.</summary>
    [CommandOption("--accept-rounds <N>")]
    [Description("Interleaved rounds of the holdout check that decides acceptance (default 100)")]
    public int AcceptRounds { get; init; } = 100;

    /// <summary>Samples cap.</summary>
    [CommandOption("--max-samples <N>")]
    [Description("Replay at most N tracked calls per pin (default 1000)")]
    public int MaxSamples { get; init; } = 1000;

    /// <summary>Holdout share.</summary>
    [CommandOption("--holdout <SHARE>")]
    [Description("Share of samples never shown to the generator, used to confirm the winner (default 0.2)")]
    public double Holdout { get; init; } = 0.2;

    /// <summary>Optimizer parameters.</summary>
    [CommandOption("--param <NAME=VALUE>")]
    [Description("An optimizer parameter (repeatable); 'sigil optimizers' lists them")]
    public string[] Parameters { get; init; } = [];

    /// <summary>System prompt file.</summary>
    [CommandOption("--system-prompt <FILE>")]
    [Description("A file whose text replaces the optimizer's system prompt")]
    public string? SystemPromptFile { get; init; }

    /// <summary>LLM base URL.</summary>
    [CommandOption("--base-url <URL>")]
    [Description("OpenAI-compatible endpoint (default: llm.base_url in sigil.json, else OPENAI_BASE_URL)")]
    public string? BaseUrl { get; init; }

    /// <summary>LLM model.</summary>
    [CommandOption("--model <NAME>")]
    [Description("Model name (default: llm.model in sigil.json)")]
    public string? Model { get; init; }

    /// <summary>No LLM.</summary>
    [CommandOption("--rules-only")]
    [Description("Use only the rule-based generator, even when an endpoint is configured")]
    public bool RulesOnly { get; init; }

    /// <summary>Allowed APIs.</summary>
    [CommandOption("--allow <CAPS>")]
    [Description("APIs candidates may use, comma-separated (e.g. FileSystem,Threading); default none")]
    public string? Allow { get; init; }

    /// <summary>Wall-time limit.</summary>
    [CommandOption("--time-limit <SECONDS>")]
    [Description("Wall-time limit of one evaluation in the sandbox (default 30)")]
    public double TimeLimit { get; init; } = 30;

    /// <summary>Isolation.</summary>
    [CommandOption("--isolation <auto|required|off>")]
    [Description("OS isolation of the sandbox: auto (default), required (fail without it) or off")]
    public string Isolation { get; init; } = "auto";

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Spec))
        {
            return ValidationResult.Error("SPEC is empty: name the spec, e.g. 'sigil run quickstart --name v1'.");
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            return ValidationResult.Error("--name is required: the workspace to store candidates in, e.g. --name v1.");
        }
        if (Objective is not ("speed" or "score"))
        {
            return ValidationResult.Error($"--objective '{Objective}': expected speed or score.");
        }
        if (Isolation is not ("auto" or "required" or "off"))
        {
            return ValidationResult.Error($"--isolation '{Isolation}': expected auto, required or off.");
        }
        if (!(TimeLimit > 0 && TimeLimit <= 3600))
        {
            return ValidationResult.Error($"--time-limit {TimeLimit}: expected seconds between 0 and 3600.");
        }
        var bad = Parameters.FirstOrDefault(p => p.IndexOf('=') <= 0);
        return bad is null ? ValidationResult.Success() : ValidationResult.Error($"--param '{bad}': expected NAME=VALUE, e.g. --param islands=4.");
    }
}
