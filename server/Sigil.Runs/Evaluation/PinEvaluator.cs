using Sigil.Candidates.Building;
using Sigil.Core.Identity;
using Sigil.Evaluation.Compilation;
using Sigil.Evaluation.Measurement;
using Sigil.Evaluation.Sandbox;
using Sigil.Runs.Trials;
using Sigil.Workspace.Model;

namespace Sigil.Runs.Evaluation;

/// <summary>
/// Compiles a candidate of one pin in memory and evaluates it in the sandbox, paired and interleaved with the baseline on
/// the visible samples (optionally after a cheap cascade check), and judges it with the acceptance rule. The holdout
/// samples are evaluated only to gate acceptance (<see cref="AcceptOnHoldoutAsync"/>).
/// </summary>
internal sealed class PinEvaluator(
    CandidateImages compiler,
    WorkerPool pool,
    PinSamples samples,
    EvaluationSettings settings,
    TimeProvider time) : IPinEvaluator
{
    /// <summary>The suffix of holdout evaluations' evaluator names.</summary>
    public const string HoldoutSuffix = "#holdout";

    /// <summary>The evaluator name of visible-sample evaluations: the eval function's name, or <c>outputs-equal</c>.</summary>
    public string VisibleEvaluator { get; } = settings.EvaluatorName;

    /// <summary>The evaluator name of holdout evaluations.</summary>
    public string HoldoutEvaluator => VisibleEvaluator + HoldoutSuffix;

    public Task<ProgramEvaluation> EvaluateAsync(Candidate candidate, IReadOnlyDictionary<string, string> sources, bool cascade, CancellationToken ct) =>
        EvaluateAsync(candidate, sources, cascade, candidate.Id, ct);

    /// <summary>Evaluates as <see cref="EvaluateAsync(Candidate, IReadOnlyDictionary{string, string}, bool, CancellationToken)"/>, recording the results under <paramref name="recordAs"/>.</summary>
    public async Task<ProgramEvaluation> EvaluateAsync(Candidate candidate, IReadOnlyDictionary<string, string> sources, bool cascade, CandidateId recordAs, CancellationToken ct)
    {
        var compiled = compiler.Compile(sources, ct);
        if (compiled is not CompiledCandidate image)
        {
            return CompileFailure(recordAs, (CompilationFailed)compiled);
        }
        // A method-only image holds nothing but the candidate's code: all of it is checked.
        var changed = image.EntryTypeName is null ? ChangedCode.Predicate(candidate) : null;
        if (cascade)
        {
            var indices = Enumerable.Range(0, Math.Min(settings.CascadeSamples, samples.Visible.Samples.Count)).ToList();
            var quick = await RunAsync(image, samples.Visible, settings.CascadeRounds, indices, changed, ct).ConfigureAwait(false);
            var early = Judge(recordAs, quick, VisibleEvaluator, samples.VisibleDigest, "cascade", image);
            if (!early.Feasible || (settings.Criteria.Objective == Objective.Speed && early.Fitness < settings.CascadeMinSpeedup))
            {
                return early;
            }
        }
        var full = await RunAsync(image, samples.Visible, settings.Rounds, null, changed, ct).ConfigureAwait(false);
        return Judge(recordAs, full, VisibleEvaluator, samples.VisibleDigest, null, image);
    }

    /// <summary>Evaluates the baseline against itself (an A/A check): the baseline's fitness and score.</summary>
    public async Task<ProgramEvaluation> BaselineAsync(CompiledCandidate baseline, CancellationToken ct)
    {
        var result = await RunAsync(baseline, samples.Visible, settings.Rounds, null, null, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new RunException($"The baseline itself fails in the sandbox ({result.ErrorCode}): {result.Message}");
        }
        return Judge(null, result, VisibleEvaluator, samples.VisibleDigest, "baseline", null);
    }

    /// <summary>The acceptance decision on the holdout samples (never shown to the generator); <c>null</c> when there are none.</summary>
    public async Task<(AcceptanceDecision Decision, EvaluationRecord Record)?> AcceptOnHoldoutAsync(
        CandidateId id, IReadOnlyDictionary<string, string> sources, Candidate candidate, CancellationToken ct)
    {
        if (samples.Holdout is null)
        {
            return null;
        }
        var compiled = compiler.Compile(sources, ct);
        if (compiled is not CompiledCandidate image)
        {
            return null;
        }
        var changed = image.EntryTypeName is null ? ChangedCode.Predicate(candidate) : null;
        var result = await RunAsync(image, samples.Holdout, settings.AcceptRounds, null, changed, ct).ConfigureAwait(false);
        var (evidence, decision) = Decide(result);
        var record = Record(id, result, evidence, decision, HoldoutEvaluator, samples.HoldoutDigest!, image);
        return (decision, record);
    }

    private Task<SandboxResult> RunAsync(
        CompiledCandidate image, SandboxContext context, int rounds, IReadOnlyList<int>? indices, Func<string, bool>? changed, CancellationToken ct) =>
        pool.EvaluateAsync(new SandboxJob(context, image.Image)
        {
            CandidatePdb = image.Pdb,
            CandidateEntryType = image.EntryTypeName,
            BaselineMethod = image.EntryTypeName is null ? null : compiler.BaselineMethod,
            Rounds = rounds,
            Seed = settings.Seed,
            SampleIndices = indices,
            Policy = settings.Policy,
            IsChangedCode = changed,
        }, ct);

    private ProgramEvaluation Judge(CandidateId? id, SandboxResult result, string evaluator, string digest, string? stage, CompiledCandidate? image)
    {
        var (evidence, decision) = Decide(result);
        var metrics = Metrics(result, evidence, decision, image);
        var feasible = decision.Accepted || decision.FailureKind is FailureKinds.NotImproved;
        var fitness = settings.Criteria.Objective == Objective.Speed
            ? decision.Timing?.Speedup ?? 0
            : decision.Scores?.CandidateMean ?? double.NegativeInfinity;
        var records = id is null ? [] : new[] { Record(id, result, evidence, decision, evaluator, digest, image) };
        var message = result.Succeeded ? (feasible ? null : decision.Reason) : result.Message;
        if (stage == "cascade" && message is not null)
        {
            message = "In the first quick check: " + message;
        }
        return new ProgramEvaluation(true, feasible, fitness, metrics, feasible ? null : decision.FailureKind ?? result.ErrorCode, message, records)
        {
            Verdict = result.Succeeded ? decision.Reason : result.Message,
        };
    }

    private (AcceptanceEvidence Evidence, AcceptanceDecision Decision) Decide(SandboxResult result)
    {
        var evidence = Evidence.From(result, samples.HasEval);
        return (evidence, AcceptanceRule.Decide(evidence, settings.Criteria));
    }

    private static IReadOnlyDictionary<string, double> Metrics(SandboxResult result, AcceptanceEvidence evidence, AcceptanceDecision decision, CompiledCandidate? image)
    {
        var metrics = EvaluationMetrics.From(evidence, decision) with
        {
            CandidateLatency = result.CandidateLatencyNs.Count > 0 ? LatencyQuantiles.Of(result.CandidateLatencyNs.Select(n => (double)n)) : null,
            BaselineLatency = result.BaselineLatencyNs.Count > 0 ? LatencyQuantiles.Of(result.BaselineLatencyNs.Select(n => (double)n)) : null,
            Resources = result.Resources is { } r
                ? new ResourceUsage(
                    (double)r.AllocatedBytes / CallCount(result),
                    r.CpuTime is { } cpu ? cpu.TotalNanoseconds / CallCount(result) : null,
                    r.PeakWorkingSetBytes)
                : null,
        };
        var all = new Dictionary<string, double>(metrics.ToDictionary());
        if (image is not null)
        {
            all[MetricNames.CompileMs] = Math.Round(image.Elapsed.TotalMilliseconds, 3);
            all[MetricNames.CompiledMethodOnly] = image.EntryTypeName is null ? 0 : 1;
        }
        return all;
    }

    private static double CallCount(SandboxResult result) => Math.Max(1, result.Rounds * Math.Max(1, result.Samples.Count));

    private EvaluationRecord Record(CandidateId id, SandboxResult result, AcceptanceEvidence evidence, AcceptanceDecision decision, string evaluator, string digest, CompiledCandidate? image)
    {
        var feasible = decision.Accepted || decision.FailureKind is FailureKinds.NotImproved;
        return EvaluationRecord.Create(id, evaluator, settings.EvaluatorVersion, digest, Metrics(result, evidence, decision, image), feasible,
            feasible ? null : decision.FailureKind ?? result.ErrorCode, time.GetUtcNow());
    }

    private ProgramEvaluation CompileFailure(CandidateId id, CompilationFailed failed)
    {
        var errors = failed.Errors.Count();
        var metrics = new Dictionary<string, double> { [MetricNames.CompileErrors] = errors };
        var record = EvaluationRecord.Create(id, VisibleEvaluator, settings.EvaluatorVersion, samples.VisibleDigest, metrics, false, FailureKinds.CompileError, time.GetUtcNow());
        return new ProgramEvaluation(false, false, double.NegativeInfinity, metrics, FailureKinds.CompileError,
            "The candidate does not compile:\n" + failed.Feedback, [record]);
    }
}
