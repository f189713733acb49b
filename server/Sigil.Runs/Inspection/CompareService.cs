using Sigil.Candidates.Applying;
using Sigil.Candidates.Building;
using Sigil.Core.Diff;
using Sigil.Evaluation.Compilation;
using Sigil.Evaluation.Measurement;
using Sigil.Evaluation.Samples;
using Sigil.Evaluation.Sandbox;
using Sigil.Runs.Evaluation;
using Sigil.Runs.Pins;
using Sigil.Runs.Trials;
using Sigil.Tracking.Query;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Runs.Inspection;

/// <summary>
/// <c>sigil compare</c>: rebuilds stored candidates from their diffs, and runs fresh paired, interleaved trials against
/// the baseline on every tracked sample (holdout included), judged by the acceptance rule; results are stored as
/// evaluations named <c>&lt;eval&gt;#compare</c>.
/// </summary>
public sealed class CompareService(TimeProvider? time = null)
{
    /// <summary>The suffix of comparison evaluations' evaluator names.</summary>
    public const string CompareSuffix = "#compare";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Compares the candidate(s) of <paramref name="request"/>.</summary>
    /// <param name="request">What to compare.</param>
    /// <param name="sandbox">The sandbox's limits (default: the run's).</param>
    /// <param name="ct">Stops between and within trials.</param>
    /// <param name="progress">Each step, as a sentence without a final period ("comparing Kernels.Root(double) (1/2)").</param>
    /// <exception cref="RunException">Nothing to compare, a candidate that no longer applies, or no samples.</exception>
    public async Task<IReadOnlyList<Comparison>> CompareAsync(CompareRequest request, SandboxOptions? sandbox = null, CancellationToken ct = default, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Rounds is < 3 or > 10_000)
        {
            throw new RunException($"--rounds must be between 3 and 10,000 (got {request.Rounds}).");
        }
        using var store = LiteDbWorkspaceStore.Open(request.SigilDirectory);
        var named = request.Candidate is { } text ? CandidateLookup.Resolve(store, text) : null;
        ProjectSession session;
        progress?.Report($"opening {Path.GetFileName(request.ProjectFile)}");
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
            progress?.Report("compiling the baseline");
            if (compiler.CompileBaseline(ct) is not CompiledCandidate baseline)
            {
                throw new RunException($"{Path.GetFileName(request.ProjectFile)} does not compile as it is; fix it and compare again.");
            }
            var pins = PinResolver.Resolve(session, baseline, request.Spec);
            var targets = named is not null ? [named] : Best(store, request, pins);
            await using var pool = new WorkerPool(sandbox);
            var log = SampleLog.Open(request.SigilDirectory);
            var results = new List<Comparison>();
            foreach (var record in targets)
            {
                progress?.Report($"comparing {record.FunctionId.QualifiedName} ({results.Count + 1}/{targets.Count}): {request.Rounds} paired rounds");
                results.Add(await CompareOneAsync(record, pins, session, new CandidateImagesFactory(compiler, new MethodOnlyCompiler(session)), baseline, pool, log, store, request, ct).ConfigureAwait(false));
            }
            return results;
        }
    }

    private async Task<Comparison> CompareOneAsync(
        CandidateRecord record, IReadOnlyList<PinInfo> pins, ProjectSession session, CandidateImagesFactory compilers, CompiledCandidate baseline,
        WorkerPool pool, SampleLog log, IWorkspaceStore store, CompareRequest request, CancellationToken ct)
    {
        var pin = pins.FirstOrDefault(p => RunService.SameCode(p.FunctionId, record.FunctionId))
            ?? throw new RunException($"{record.Id} improves {record.FunctionId.QualifiedName} as it was (abi-hash {record.FunctionId.AbiHash[..12]}); the pin's code has changed since, so it cannot be compared.");
        var sources = Sources(store, session.Sources, record);
        var method = MethodSourceFinder.Find(sources[pin.SourceFile], pin)
            ?? throw new RunException($"{record.Id} no longer contains {pin.DisplayName}.");
        if (CandidateBuilder.Build(session.Sources, PinTarget.For(pin.SourceFile, pin.FunctionId), "```csharp\n" + method + "\n```") is not Candidate candidate)
        {
            throw new RunException($"{record.Id} cannot be rebuilt against the current sources of {pin.SourceFile}.");
        }
        var set = PinSampleSource.Build(log, pin, new RunRequest
        {
            ProjectFile = request.ProjectFile, SigilDirectory = request.SigilDirectory, Spec = request.Spec, Workspace = request.Workspace,
            Optimizer = "best-of-n", MaxSamples = request.MaxSamples, HoldoutShare = 0, Seed = request.Seed,
        });
        var sandboxPin = new SandboxPin(pin.TypeMetadataName, pin.MethodName, pin.ParameterTypes, pin.IsStatic);
        var eval = pin.Eval is { } e ? new SandboxEval(e.TypeMetadataName, e.MethodName) : null;
        var context = new SandboxContext(RunService.AppDirectory(session), baseline.Image, sandboxPin, set.Arguments(SamplePart.Visible), eval, baseline.Pdb);
        var settings = new EvaluationSettings
        {
            Rounds = request.Rounds,
            Seed = unchecked((int)request.Seed),
            EvaluatorName = (pin.Eval?.DisplayName ?? "outputs-equal") + CompareSuffix,
            EvaluatorVersion = PinRun.ProtocolVersion + ":" + (pin.Eval?.SourceDigest[..16] ?? "outputs-equal"),
            Criteria = AcceptanceCriteria.Default,
        };
        var evaluator = new PinEvaluator(compilers.For(pin.Method), pool, new PinSamples(context, set.PartDigest(SamplePart.Visible), null, null, eval is not null), settings, _time);
        var evaluation = await evaluator.EvaluateAsync(candidate, sources, false, record.Id, ct).ConfigureAwait(false);
        foreach (var stored in evaluation.Records)
        {
            store.InsertEvaluation(stored);
        }
        var correct = evaluation.Compiled && (evaluation.Feasible || evaluation.FailureKind is FailureKinds.NotImproved);
        return new Comparison(pin.DisplayName, record.Id.ToString(), set.Visible.Count, correct,
            evaluation.Records.FirstOrDefault()?.Metrics.GetValueOrDefault("accepted") > 0,
            evaluation.Verdict ?? evaluation.FailureMessage ?? "", evaluation.Metrics);
    }

    internal static IReadOnlyDictionary<string, string> Sources(IWorkspaceStore store, IReadOnlyDictionary<string, string> baseline, CandidateRecord record)
    {
        var chain = new Stack<CandidateRecord>();
        for (var current = record; current is not null; current = current.Parent is { } p ? store.GetCandidate(p) : null)
        {
            chain.Push(current);
        }
        var sources = baseline;
        try
        {
            while (chain.Count > 0)
            {
                sources = UnifiedPatch.ApplyAll(sources, chain.Pop().Diff);
            }
        }
        catch (InvalidDataException e)
        {
            throw new RunException($"{record.Id} no longer applies to the current sources ({e.Message}); the code it was made for has changed.", e);
        }
        return sources;
    }

    /// <summary>
    /// Each pin's best correct candidate made for the code as it is now: candidates of an older version of a pin
    /// (another abi-hash, e.g. after a dependency upgrade) are passed over, since they can no longer be compared.
    /// </summary>
    private static IReadOnlyList<CandidateRecord> Best(IWorkspaceStore store, CompareRequest request, IReadOnlyList<PinInfo> pins)
    {
        var rows = SolutionsReport.Build(store, request.Spec, request.Workspace, top: 0).Where(r => r.Correct).ToList();
        var best = rows
            .Select(r => store.GetCandidate(Sigil.Core.Identity.CandidateId.Parse(r.Candidate))!)
            .Where(c => pins.Any(p => RunService.SameCode(p.FunctionId, c.FunctionId)))
            .GroupBy(c => c.FunctionId.QualifiedName, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        if (best.Count == 0)
        {
            var stale = rows.Count > 0 ? " (its candidates were made for an older version of the code)" : "";
            throw new RunException($"No correct candidate in workspace '{request.Workspace}' of spec '{request.Spec}' to compare{stale}; name one, or run 'sigil run {request.Spec} --name {request.Workspace}'.");
        }
        return best;
    }
}
