using Sigil.Core.Identity;
using Sigil.Evaluation.Compilation;
using Sigil.Evaluation.Sandbox;
using Sigil.Optimizers.Generators.Budget;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Runs.Generators;
using Sigil.Runs.Pins;
using Sigil.Tracking.Query;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Runs;

/// <summary>
/// Runs a codeopt search (<c>sigil run</c>, or the language server's <c>sigil/run/start</c>): opens the project once,
/// compiles the baseline in memory, and for each pin of the spec lets the optimizer try candidates, each built,
/// compiled, evaluated in the sandbox paired with the baseline, and stored with its trial in the workspace.
/// </summary>
public sealed class RunService(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="RunException">The request is invalid or the project, samples or sandbox are not usable; the message says how to fix it.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; every trial made so far is stored and <c>--resume</c> continues.</exception>
    public async Task<RunResult> RunAsync(RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken ct = default)
    {
        RunRequestValidator.Validate(request);
        progress?.Report(new RunProgress("opening", null, 0, 0, 0, request.Iterations, null, 0m, 0, $"opening {Path.GetFileName(request.ProjectFile)}"));
        ProjectSession session;
        try
        {
            session = await ProjectSession.OpenAsync(request.ProjectFile, null, null, ct).ConfigureAwait(false);
        }
        catch (ProjectLoadException e)
        {
            throw new RunException(e.Message, e);
        }
        using (session)
        {
            var compiler = new CandidateCompiler(session);
            if (compiler.CompileBaseline(ct) is not CompiledCandidate baseline)
            {
                throw new RunException($"{Path.GetFileName(request.ProjectFile)} does not compile as it is; fix it ('dotnet build' shows the errors) and run again.");
            }
            var pins = SelectPins(PinResolver.Resolve(session, baseline, request.Spec), request);
            var appDirectory = AppDirectory(session);
            using var store = LiteDbWorkspaceStore.Open(request.SigilDirectory);
            var resumed = pins.Select(pin => request.Resume ? FindResumable(store, request, pin) : null).ToList();
            if (request.Resume && resumed.All(r => r is null))
            {
                throw new RunException($"Nothing to resume: no run of spec '{request.Spec}' in workspace '{request.Workspace}' with optimizer '{request.Optimizer}'. Run without --resume.");
            }
            var earlier = resumed.Where(r => r is not null).SelectMany(r => store.ListTrials(r!.Id)).ToList();
            var spend = new SpendTracker(new SpendLimits(request.BudgetTokens, request.BudgetUsd), earlier.Sum(t => t.Tokens), (decimal)earlier.Sum(t => t.CostUsd));
            var configuration = OptimizerCatalog.Create(request.Optimizer, Settings(request)).Configuration;
            var llm = request.Llm is null ? null : request.Llm with { MasterPrompt = configuration.SystemPrompt };
            using var generators = new GeneratorSet(llm, request.IncludeRules, spend);
            await using var pool = new WorkerPool(request.Sandbox);
            var env = new RunEnvironment(request, session, compiler, request.MethodOnlyCompile ? new MethodOnlyCompiler(session) : null, baseline, appDirectory, store, SampleLog.Open(request.SigilDirectory), generators, pool, _time, progress);
            var results = new List<PinRunResult>();
            var bests = new List<IReadOnlyDictionary<string, string>?>();
            for (var i = 0; i < pins.Count; i++)
            {
                var run = new PinRun(env, pins[i], i + 1, pins.Count, resumed[i]);
                results.Add(await run.RunAsync(ct).ConfigureAwait(false));
                bests.Add(run.BestSources);
            }
            var folder = BestSources.Materialize(request, session, pins, bests);
            var total = spend.Snapshot();
            return new RunResult(request.Spec, request.Workspace, request.Optimizer, results, total.Usd, total.Tokens, pool.Isolation.Summary, folder);
        }
    }

    /// <summary>The optimizer settings of a request.</summary>
    internal static OptimizerSettings Settings(RunRequest request) =>
        new() { Parameters = request.OptimizerParameters, SystemPrompt = request.SystemPrompt };

    private static IReadOnlyList<PinInfo> SelectPins(IReadOnlyList<PinInfo> pins, RunRequest request)
    {
        if (request.PinFilter is not { Length: > 0 } filter)
        {
            return pins;
        }
        var selected = pins.Where(p => p.DisplayName.Contains(filter, StringComparison.Ordinal)).ToList();
        return selected.Count > 0
            ? selected
            : throw new RunException($"No pin of spec '{request.Spec}' matches --pin '{filter}'; its pins are {string.Join(", ", pins.Select(p => p.DisplayName))}.");
    }

    internal static string AppDirectory(ProjectSession session)
    {
        var output = session.OutputFilePath;
        if (output is null || !File.Exists(output))
        {
            throw new RunException($"{session.AssemblyName} is not built ({output ?? "no output path"} is missing): run 'dotnet build' first; the sandbox loads its dependencies from the build output.");
        }
        return Path.GetDirectoryName(output)!;
    }

    private static RunRecord? FindResumable(IWorkspaceStore store, RunRequest request, PinInfo pin) =>
        store.ListRuns(request.Spec, request.Workspace)
            .Where(r => r.Optimizer == request.Optimizer && r.PinFunctionIds.Any(id => SameCode(id, pin.FunctionId)))
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefault();

    internal static bool SameCode(FunctionId a, FunctionId b) =>
        a.Package == b.Package && a.Module == b.Module && a.QualifiedName == b.QualifiedName && a.AbiHash == b.AbiHash;
}
