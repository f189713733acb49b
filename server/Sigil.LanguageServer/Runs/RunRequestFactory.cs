using Sigil.Evaluation.Sandbox;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Projects.Config;
using Sigil.Protocol.Runs;
using Sigil.Runs;

namespace Sigil.LanguageServer.Runs;

/// <summary>
/// <c>sigil/run/start</c> params to the <see cref="RunRequest"/> <c>sigil run</c> builds from its options (same defaults,
/// same LLM choice: the given endpoint, else sigil.json's, else <c>OPENAI_BASE_URL</c>, else rules only).
/// </summary>
internal static class RunRequestFactory
{
    /// <summary>The request, validated by <see cref="RunRequestValidator"/>; invalid values are -32602.</summary>
    public static RunRequest Create(RunStartParams p, ProjectContext project)
    {
        var spec = RequestException.Required(p.Spec, "spec", "\"spec\": \"quickstart\"");
        var workspace = RequestException.Required(p.Workspace, "workspace", "\"workspace\": \"v1\"");
        if (p.Objective is not ("speed" or "score"))
        {
            throw RequestException.InvalidParams($"'objective' is '{p.Objective}'; expected \"speed\" or \"score\".");
        }
        if (p.Isolation is not ("auto" or "required" or "off"))
        {
            throw RequestException.InvalidParams($"'isolation' is '{p.Isolation}'; expected \"auto\", \"required\" or \"off\".");
        }
        if (!(p.TimeLimitSeconds > 0 && p.TimeLimitSeconds <= 3600))
        {
            throw RequestException.InvalidParams($"'timeLimitSeconds' is {p.TimeLimitSeconds}; expected seconds between 0 and 3600.");
        }
        var config = project.Config();
        var request = new RunRequest
        {
            ProjectFile = project.ProjectFile(),
            SigilDirectory = project.SigilDirectory,
            Spec = spec,
            Workspace = workspace,
            Optimizer = p.Optimizer,
            OptimizerParameters = p.Parameters ?? new Dictionary<string, string>(),
            SystemPrompt = p.SystemPrompt,
            Iterations = p.Iterations,
            Seed = p.Seed,
            BudgetTokens = p.BudgetTokens,
            BudgetUsd = p.BudgetUsd,
            Resume = p.Resume,
            PinFilter = string.IsNullOrWhiteSpace(p.Pin) ? null : p.Pin,
            Objective = p.Objective == "score" ? RunObjective.Score : RunObjective.Speed,
            Rounds = p.Rounds,
            AcceptRounds = p.AcceptRounds,
            MaxSamples = p.MaxSamples,
            HoldoutShare = p.Holdout,
            Llm = Llm(p, config),
            Policy = ApiPolicy.PureComputation.Allow(Capabilities(p.Allow)),
            Sandbox = new SandboxOptions
            {
                WallTimeLimit = TimeSpan.FromSeconds(p.TimeLimitSeconds),
                Isolation = p.Isolation switch { "required" => IsolationMode.Required, "off" => IsolationMode.Off, _ => IsolationMode.Auto },
            },
        };
        try
        {
            RunRequestValidator.Validate(request);
        }
        catch (RunException e)
        {
            throw RequestException.InvalidParams(e.Message);
        }
        return request;
    }

    private static LlmGeneratorOptions? Llm(RunStartParams p, SigilConfig config)
    {
        if (p.RulesOnly)
        {
            return null;
        }
        var configured = p.BaseUrl ?? config.Llm.BaseUrl ?? Environment.GetEnvironmentVariable(LlmGeneratorOptions.BaseUrlVariable);
        return string.IsNullOrWhiteSpace(configured) ? null : LlmGeneratorOptions.FromConfig(config.Llm, null, p.BaseUrl, p.Model);
    }

    private static ApiCapability Capabilities(IReadOnlyList<string>? names)
    {
        var result = ApiCapability.None;
        foreach (var name in names ?? [])
        {
            if (!Enum.TryParse<ApiCapability>(name, ignoreCase: true, out var capability) || capability == ApiCapability.None)
            {
                var known = string.Join(", ", Enum.GetNames<ApiCapability>().Where(n => n != nameof(ApiCapability.None)));
                throw RequestException.InvalidParams($"'allow' has '{name}', which is not a capability; use some of: {known}.");
            }
            result |= capability;
        }
        return result;
    }
}
