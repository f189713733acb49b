using Sigil.Evaluation.Sandbox;
using Sigil.Optimizers.Generators.Llm;

namespace Sigil.Runs;

/// <summary>Everything <c>sigil run</c> (or the language server) asks of a codeopt run.</summary>
public sealed record RunRequest
{
    /// <summary>The user's project file (<c>.csproj</c>).</summary>
    public required string ProjectFile { get; init; }

    /// <summary>The project's <c>.sigil</c> directory (sample log, workspace).</summary>
    public required string SigilDirectory { get; init; }

    /// <summary>The spec whose pins to improve.</summary>
    public required string Spec { get; init; }

    /// <summary>The named workspace the run stores its candidates in.</summary>
    public required string Workspace { get; init; }

    /// <summary>The optimizer's name (<c>best-of-n</c>, <c>alphaevolve</c>, <c>annealing</c>, <c>rl</c>, <c>mads</c>).</summary>
    public required string Optimizer { get; init; }

    /// <summary>Optimizer parameters (<c>name=value</c>), validated by the optimizer.</summary>
    public IReadOnlyDictionary<string, string> OptimizerParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Replaces the optimizer's system prompt (its master configuration's prompt); <c>null</c> keeps the default.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Trials per pin (<c>--niter</c>).</summary>
    public int Iterations { get; init; } = 20;

    /// <summary>The seed of every random choice (strategies, sample subsets, interleaving).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The token cap of the whole run; <c>null</c> for none.</summary>
    public long? BudgetTokens { get; init; }

    /// <summary>The USD cap of the whole run; <c>null</c> for none.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>Resume the last unfinished run of this spec, workspace and optimizer instead of starting a new one.</summary>
    public bool Resume { get; init; }

    /// <summary>Only pins whose qualified name contains this text; <c>null</c> for every pin of the spec.</summary>
    public string? PinFilter { get; init; }

    /// <summary>What fitness means.</summary>
    public RunObjective Objective { get; init; } = RunObjective.Speed;

    /// <summary>Interleaved rounds per full evaluation.</summary>
    public int Rounds { get; init; } = 30;

    /// <summary>
    /// Interleaved rounds of the holdout confirmation that decides whether the run's best is accepted as an improvement
    /// (default 100: with 30, an identical candidate was accepted 6% of the time and a 4.4% speedup found 75%; with 100,
    /// 1% and 97%; docs/benchmarks.md).
    /// </summary>
    public int AcceptRounds { get; init; } = 100;

    /// <summary>Samples replayed per evaluation at most.</summary>
    public int MaxSamples { get; init; } = 1000;

    /// <summary>The share of samples held out from the generator and used to gate acceptance.</summary>
    public double HoldoutShare { get; init; } = 0.2;

    /// <summary>The LLM generator's options; <c>null</c> runs with the rule-based generator only (no endpoint).</summary>
    public LlmGeneratorOptions? Llm { get; init; }

    /// <summary>Use the rule-based generator too when an LLM is configured.</summary>
    public bool IncludeRules { get; init; } = true;

    /// <summary>The sandbox's limits and isolation; <c>null</c> for the defaults.</summary>
    public SandboxOptions? Sandbox { get; init; }

    /// <summary>What candidate code may use beyond pure computation.</summary>
    public ApiPolicy Policy { get; init; } = ApiPolicy.PureComputation;

    /// <summary>
    /// Compile a candidate that changes only a static pin's method as that method alone (milliseconds) rather than the
    /// whole project (default true; the whole project is compiled whenever the fast path does not apply).
    /// </summary>
    public bool MethodOnlyCompile { get; init; } = true;
}
