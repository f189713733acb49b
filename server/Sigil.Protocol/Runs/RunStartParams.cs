using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Protocol.Runs;

/// <summary><c>sigil/run/start</c>: the options of <c>sigil run</c>, with the same defaults.</summary>
public sealed record RunStartParams
{
    /// <summary>The spec (required).</summary>
    [JsonPropertyName("spec")] public string? Spec { get; init; }

    /// <summary>The workspace to store candidates in (required), e.g. <c>v1</c>.</summary>
    [JsonPropertyName("workspace")] public string? Workspace { get; init; }

    /// <summary><c>best-of-n</c> (default), <c>alphaevolve</c>, <c>annealing</c>, <c>rl</c> or <c>mads</c>.</summary>
    [JsonPropertyName("optimizer")] public string Optimizer { get; init; } = "best-of-n";

    /// <summary>Trials per pin (default 20).</summary>
    [JsonPropertyName("iterations")] public int Iterations { get; init; } = 20;

    /// <summary>Only pins whose qualified name contains this text.</summary>
    [JsonPropertyName("pin")] public string? Pin { get; init; }

    /// <summary>Seed (default 1).</summary>
    [JsonPropertyName("seed")] public long Seed { get; init; } = 1;

    /// <summary><c>speed</c> (default) or <c>score</c>.</summary>
    [JsonPropertyName("objective")] public string Objective { get; init; } = "speed";

    /// <summary>Interleaved rounds per evaluation (default 30).</summary>
    [JsonPropertyName("rounds")] public int Rounds { get; init; } = 30;

    /// <summary>Rounds of the holdout acceptance check (default 100).</summary>
    [JsonPropertyName("acceptRounds")] public int AcceptRounds { get; init; } = 100;

    /// <summary>Tracked calls replayed per pin at most (default 1000).</summary>
    [JsonPropertyName("maxSamples")] public int MaxSamples { get; init; } = 1000;

    /// <summary>Share of samples held out (default 0.2).</summary>
    [JsonPropertyName("holdout")] public double Holdout { get; init; } = 0.2;

    /// <summary>Optimizer parameters, <c>name → value</c>.</summary>
    [JsonPropertyName("parameters")] public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Replaces the optimizer's system prompt.</summary>
    [JsonPropertyName("systemPrompt")] public string? SystemPrompt { get; init; }

    /// <summary>OpenAI-compatible endpoint (default: llm.base_url in sigil.json, else OPENAI_BASE_URL; none: rules only).</summary>
    [JsonPropertyName("baseUrl")] public string? BaseUrl { get; init; }

    /// <summary>Model name (default: llm.model in sigil.json).</summary>
    [JsonPropertyName("model")] public string? Model { get; init; }

    /// <summary>Use only the rule-based generator.</summary>
    [JsonPropertyName("rulesOnly")] public bool RulesOnly { get; init; }

    /// <summary>Token cap.</summary>
    [JsonPropertyName("budgetTokens")] public long? BudgetTokens { get; init; }

    /// <summary>USD cap.</summary>
    [JsonPropertyName("budgetUsd")] public decimal? BudgetUsd { get; init; }

    /// <summary>Continue the last run of this spec, workspace and optimizer.</summary>
    [JsonPropertyName("resume")] public bool Resume { get; init; }

    /// <summary>APIs candidates may use beyond pure computation (<c>FileSystem</c>, <c>Threading</c>...).</summary>
    [JsonPropertyName("allow")] public IReadOnlyList<string>? Allow { get; init; }

    /// <summary>Wall-time limit of one evaluation, seconds (default 30).</summary>
    [JsonPropertyName("timeLimitSeconds")] public double TimeLimitSeconds { get; init; } = 30;

    /// <summary><c>auto</c> (default), <c>required</c> or <c>off</c>.</summary>
    [JsonPropertyName("isolation")] public string Isolation { get; init; } = "auto";

    /// <summary>
    /// A progress token of the client's (LSP <c>workDoneToken</c>): progress is reported on it and it becomes the run
    /// token. Without it the server makes a token and, when the client supports it, creates the progress with
    /// <c>window/workDoneProgress/create</c>.
    /// </summary>
    [JsonPropertyName("workDoneToken")] public JsonElement? WorkDoneToken { get; init; }

    /// <summary>
    /// Answer only when the run ends, with its result (so <c>$/cancelRequest</c> on this request cancels the run);
    /// by default the answer comes at once with the token.
    /// </summary>
    [JsonPropertyName("wait")] public bool Wait { get; init; }
}
