using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Evaluation.Sandbox;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Projects;
using Sigil.Projects.Config;
using Sigil.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Runs;

/// <summary><c>sigil run SPEC --name WS --optimizer X --niter N</c>: a budgeted, resumable codeopt search.</summary>
[Description("Search for better code for a spec's pins: candidates are compiled, run in a sandbox against the baseline on tracked calls, and stored")]
public sealed class RunCommand : AsyncCommand<RunSettings>
{
    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var config = ConfigStore.Load(paths);
        var projectFile = config.Project
            ?? throw new SigilProjectException("sigil.json names no project file; run 'sigil config set project NAME.csproj'.");
        var llm = Llm(settings, config);
        var request = new RunRequest
        {
            ProjectFile = Path.Combine(paths.ProjectDirectory, projectFile),
            SigilDirectory = paths.SigilDirectory,
            Spec = settings.Spec,
            Workspace = settings.Name!,
            Optimizer = settings.Optimizer,
            OptimizerParameters = settings.Parameters.Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal),
            SystemPrompt = settings.SystemPromptFile is { } file
                ? File.Exists(file) ? File.ReadAllText(file) : throw new SigilProjectException($"--system-prompt {file}: no such file.")
                : null,
            Iterations = settings.Iterations,
            Seed = settings.Seed,
            BudgetTokens = settings.BudgetTokens,
            BudgetUsd = settings.BudgetUsd,
            Resume = settings.Resume,
            PinFilter = settings.Pin,
            Objective = settings.Objective == "score" ? RunObjective.Score : RunObjective.Speed,
            Rounds = settings.Rounds,
            AcceptRounds = settings.AcceptRounds,
            MaxSamples = settings.MaxSamples,
            HoldoutShare = settings.Holdout,
            Llm = llm,
            Policy = ApiPolicy.PureComputation.Allow(Capabilities(settings.Allow)),
            Sandbox = new SandboxOptions
            {
                WallTimeLimit = TimeSpan.FromSeconds(settings.TimeLimit),
                Isolation = settings.Isolation switch { "required" => IsolationMode.Required, "off" => IsolationMode.Off, _ => IsolationMode.Auto },
            },
        };
        RunRequestValidator.Validate(request);
        if (llm is null && !settings.Json)
        {
            CliConsole.Hint("note: no LLM endpoint configured (llm.base_url or OPENAI_BASE_URL); using the rule-based generator.");
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var result = await RunProgressView.RunAsync(request, settings.Json, cancel.Token).ConfigureAwait(false);
            RunSummaryView.Write(result, settings.Json);
            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            CliConsole.Hint($"stopped; every trial so far is stored. Continue with: sigil run {settings.Spec} --name {settings.Name} --optimizer {settings.Optimizer} --niter {settings.Iterations} --resume");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static LlmGeneratorOptions? Llm(RunSettings settings, SigilConfig config)
    {
        if (settings.RulesOnly)
        {
            return null;
        }
        var configured = settings.BaseUrl ?? config.Llm.BaseUrl ?? Environment.GetEnvironmentVariable(LlmGeneratorOptions.BaseUrlVariable);
        return string.IsNullOrWhiteSpace(configured) ? null : LlmGeneratorOptions.FromConfig(config.Llm, null, settings.BaseUrl, settings.Model);
    }

    private static ApiCapability Capabilities(string? text)
    {
        var result = ApiCapability.None;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<ApiCapability>(part, ignoreCase: true, out var capability) || capability == ApiCapability.None)
            {
                var names = string.Join(", ", Enum.GetNames<ApiCapability>().Where(n => n != nameof(ApiCapability.None)));
                throw new SigilProjectException($"--allow '{part}' is not a capability; use some of: {names}.");
            }
            result |= capability;
        }
        return result;
    }
}
