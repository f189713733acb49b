using System.Globalization;
using System.Text.Json;
using Sigil.Candidates.Applying;
using Sigil.Core.Hashing;
using Sigil.Evaluation.Measurement;
using Sigil.Evaluation.Samples;
using Sigil.Evaluation.Sandbox;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Runs.Evaluation;
using Sigil.Runs.Pins;
using Sigil.Runs.Trials;
using Sigil.Workspace.Model;

namespace Sigil.Runs;

/// <summary>One pin's part of a run: samples, baseline check, the optimizer's trials, and the winner's holdout check.</summary>
internal sealed class PinRun(RunEnvironment env, PinInfo pin, int pinIndex, int pinCount, RunRecord? resumeFrom)
{
    /// <summary>The version of the evaluation protocol, part of every evaluator digest.</summary>
    public const string ProtocolVersion = "sigil.paired@1";

    /// <summary>The best feasible candidate's sources after <see cref="RunAsync"/>, or <c>null</c> when the baseline stayed best.</summary>
    public IReadOnlyDictionary<string, string>? BestSources { get; private set; }

    public async Task<PinRunResult> RunAsync(CancellationToken ct)
    {
        var request = env.Request;
        Report("samples", 0, request.Iterations, null, $"reading tracked calls of {pin.DisplayName}");
        var sampleSet = PinSampleSource.Build(env.Log, pin, request);
        var samples = Contexts(sampleSet);
        var settings = Settings(request);
        var evaluator = new PinEvaluator(new CandidateImages(env.Compiler, env.MethodOnly, pin.Method), env.Pool, samples, settings, env.Time);

        Report("baseline", 0, request.Iterations, null, $"checking the baseline against itself on {sampleSet.Visible.Count} samples");
        var baselineEvaluation = await evaluator.BaselineAsync(env.Baseline, ct).ConfigureAwait(false);
        var baselineFitness = request.Objective == RunObjective.Speed ? 1.0 : baselineEvaluation.Fitness;
        var baseline = new ProgramState(
            new SearchProgram(SearchProgram.BaselineId, null, pin.MethodSource, baselineFitness, true, baselineEvaluation.Metrics, 0),
            env.Session.Sources, null);

        var run = resumeFrom ?? NewRun(request, sampleSet, settings);
        var log = new WorkspaceTrialLog(env.Store, run, env.Time);
        var store = new TrialStore(env.Store, pin, request.Workspace, request.Optimizer, request.OptimizerParameters, env.Time);
        var metric = request.Objective == RunObjective.Speed ? "speedup" : "score";
        var services = new TrialServices(pin, PinTarget.For(pin.SourceFile, pin.FunctionId), env.Generators,
            new GenerationRequestFactory(pin, sampleSet.VisibleSketches(), metric, baselineFitness), evaluator, store, log, run.Seed);
        var executor = new TrialExecutor(services, baseline, run.Iterations, run.Seed);
        var evaluated = 0;
        executor.TrialFinished += (outcome, made) =>
        {
            evaluated += outcome.Status == TrialStatus.Evaluated && made > log.Previous.Count ? 1 : 0;
            Report("searching", made, run.Iterations, executor.Best.Program.Fitness, Describe(outcome, made));
        };

        var optimizer = OptimizerCatalog.Create(request.Optimizer, RunService.Settings(request));
        Report("searching", executor.Made, run.Iterations, baselineFitness, $"{optimizer.Configuration.Summary}");
        await optimizer.RunAsync(executor, ct).ConfigureAwait(false);

        var best = executor.Best;
        BestSources = best.CandidateId is null ? null : best.Sources;
        var (accepted, verdict) = (false, "no candidate beat the baseline on the visible samples");
        if (best.CandidateId is { } bestId)
        {
            Report("holdout", executor.Made, run.Iterations, best.Program.Fitness, "confirming the best candidate on the holdout samples");
            var candidate = Rebuild(best);
            var holdout = candidate is null ? null : await evaluator.AcceptOnHoldoutAsync(bestId, best.Sources, candidate, ct).ConfigureAwait(false);
            if (holdout is { } h)
            {
                env.Store.InsertEvaluation(h.Record);
                (accepted, verdict) = (h.Decision.Accepted, h.Decision.Reason);
            }
            else
            {
                verdict = "no holdout samples: the improvement is not confirmed (track more calls)";
            }
        }
        Report("done", executor.Made, run.Iterations, best.Program.Fitness, verdict);
        return new PinRunResult(
            pin.DisplayName, pin.FunctionId.ToString(), run.Id.ToString(), executor.Made, log.Previous.Count, evaluated, baselineFitness,
            best.CandidateId?.ToString(), best.Program.Fitness, best.Program.Metrics, accepted, verdict, sampleSet.Digest,
            (sampleSet.Visible.Count, sampleSet.Holdout.Count), optimizer.LastStop?.Message ?? "iterations used");
    }

    private PinSamples Contexts(SampleSet set)
    {
        var sandboxPin = new SandboxPin(pin.TypeMetadataName, pin.MethodName, pin.ParameterTypes, pin.IsStatic);
        var eval = pin.Eval is { } e ? new SandboxEval(e.TypeMetadataName, e.MethodName) : null;
        var visible = new SandboxContext(env.AppDirectory, env.Baseline.Image, sandboxPin, set.Arguments(SamplePart.Visible), eval, env.Baseline.Pdb);
        var holdout = set.Holdout.Count == 0
            ? null
            : new SandboxContext(env.AppDirectory, env.Baseline.Image, sandboxPin, set.Arguments(SamplePart.Holdout), eval, env.Baseline.Pdb);
        return new PinSamples(visible, set.PartDigest(SamplePart.Visible), holdout, holdout is null ? null : set.PartDigest(SamplePart.Holdout), eval is not null);
    }

    private EvaluationSettings Settings(RunRequest request)
    {
        var criteria = AcceptanceCriteria.Default with { Objective = request.Objective == RunObjective.Speed ? Objective.Speed : Objective.Score };
        var identity = string.Join("\n",
            ProtocolVersion, pin.Eval?.DisplayName ?? "outputs-equal", pin.Eval?.SourceDigest ?? "-", request.Objective,
            request.Rounds.ToString(CultureInfo.InvariantCulture), request.AcceptRounds.ToString(CultureInfo.InvariantCulture), criteria.Confidence.ToString("R", CultureInfo.InvariantCulture),
            criteria.Trim.ToString("R", CultureInfo.InvariantCulture));
        return new EvaluationSettings
        {
            Rounds = request.Rounds,
            AcceptRounds = request.AcceptRounds,
            EvaluatorName = pin.Eval?.DisplayName ?? "outputs-equal",
            Criteria = criteria,
            Policy = request.Policy,
            Seed = unchecked((int)request.Seed),
            EvaluatorVersion = "b3:" + Blake3Digest.Hex(identity)[..32],
        };
    }

    private RunRecord NewRun(RunRequest request, SampleSet set, EvaluationSettings settings)
    {
        var record = RunRecord.Create(
            request.Spec, request.Workspace, request.Optimizer, JsonSerializer.Serialize(request.OptimizerParameters), request.Seed, request.Iterations,
            [pin.FunctionId], set.Digest, settings.EvaluatorVersion, request.Llm?.Endpoint.GetLeftPart(UriPartial.Path),
            request.Llm is { } llm ? [llm.Model] : [], request.BudgetTokens, request.BudgetUsd is { } usd ? (double)usd : null,
            env.Time.GetUtcNow(), typeof(PinRun).Assembly.GetName().Version?.ToString() ?? "0");
        env.Store.InsertRun(record);
        return record;
    }

    private Sigil.Candidates.Building.Candidate? Rebuild(ProgramState best)
    {
        var text = best.Sources[pin.SourceFile];
        var fenced = "```csharp\n" + MethodSourceFinder.Find(text, pin) + "\n```";
        return Sigil.Candidates.Building.CandidateBuilder.Build(env.Session.Sources, PinTarget.For(pin.SourceFile, pin.FunctionId), fenced)
            as Sigil.Candidates.Building.Candidate;
    }

    private static string Describe(TrialOutcome outcome, int made) => outcome.Status switch
    {
        TrialStatus.Evaluated when outcome.Program is { Feasible: true } p => $"trial {made}: {Short(p.Id)} fitness {p.Fitness:0.###}",
        TrialStatus.Evaluated => $"trial {made}: {Short(outcome.Program!.Id)} {outcome.FailureKind}",
        TrialStatus.Duplicate => $"trial {made}: duplicate of {Short(outcome.Program!.Id)}",
        TrialStatus.OutOfBudget => $"trial {made}: out of budget",
        _ => $"trial {made}: rejected ({outcome.FailureKind})",
    };

    private static string Short(string id) => id.StartsWith("diff://b3:", StringComparison.Ordinal) ? id[10..22] : id;

    private void Report(string phase, int trial, int trials, double? best, string message)
    {
        var spend = env.Generators.Spend.Snapshot();
        env.Progress?.Report(new RunProgress(phase, pin.DisplayName, pinIndex, pinCount, trial, trials, best, spend.Usd, spend.Tokens, message));
    }
}
