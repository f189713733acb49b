using Sigil.Candidates;
using Sigil.Candidates.Applying;
using Sigil.Candidates.Building;
using Sigil.Candidates.Deduplication;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Strategies;
using Sigil.Runs.Generators;

namespace Sigil.Runs.Trials;

/// <summary>
/// The run service's side of <see cref="ISearchContext"/> for one pin: turns each request into a proposal, a candidate,
/// an evaluation and a logged trial. On resume, the first trials are answered from the log (same answers, same
/// evaluations) so the deterministic strategy reaches the same state without asking or evaluating again.
/// </summary>
internal sealed class TrialExecutor : ISearchContext
{
    private readonly TrialServices _services;
    private readonly ProgramTable _programs;
    private readonly CandidateDeduplicator _deduplicator = new();
    private readonly FailureFeedback _feedback = new();
    private readonly int _iterations;
    private int _made;

    public TrialExecutor(TrialServices services, ProgramState baseline, int iterations, long seed)
    {
        _services = services;
        _programs = new ProgramTable(baseline);
        _iterations = iterations;
        Seed = seed;
    }

    public long Seed { get; }

    public int IterationsLeft => _iterations - _made;

    public bool BudgetExhausted => _services.Generators.BudgetExhausted;

    public SearchProgram Baseline => _programs.Baseline.Program;

    public IReadOnlyList<GeneratorArm> Arms => _services.Generators.Arms;

    /// <summary>The best feasible program so far.</summary>
    public ProgramState Best => _programs.Best;

    /// <summary>Trials made (resumed ones included).</summary>
    public int Made => _made;

    /// <summary>Called after each trial with its outcome.</summary>
    public event Action<TrialOutcome, int>? TrialFinished;

    public async Task<TrialOutcome> TryAsync(TrialRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        if (IterationsLeft <= 0)
        {
            throw new InvalidOperationException("No iteration is left in this run.");
        }
        var index = _made;
        var parent = _programs.Get(request.Parent);
        var digest = RequestDigest.Of(request);
        var replay = index < _services.Log.Previous.Count ? _services.Log.Previous[index] : null;
        if (replay is not null && replay.RequestDigest != digest)
        {
            throw new RunException(
                $"Resuming trial {index + 1}: the optimizer asked for something else than the run log recorded (the optimizer, its settings or the seed changed). "
                + "Start a new run without --resume.");
        }
        _made++;
        var proposal = replay is not null ? Proposal.FromLog(replay) : await ProposeAsync(request, parent, index, ct).ConfigureAwait(false);
        var outcome = proposal.Answer is null
            ? Finish(index, request, parent, proposal, TrialStatus.Rejected, null, proposal.FailureKind, proposal.FailureMessage, null)
            : await BuildAndEvaluateAsync(index, request, parent, proposal, replay, ct).ConfigureAwait(false);
        TrialFinished?.Invoke(outcome, index + 1);
        return outcome;
    }

    private async Task<Proposal> ProposeAsync(TrialRequest request, ProgramState parent, int index, CancellationToken ct)
    {
        if (request.Answer is not null)
        {
            return Proposal.Ready(request.Answer);
        }
        var arm = request.Arm ?? Arms[0];
        if (GeneratorSet.Costs(arm) && BudgetExhausted)
        {
            return Proposal.OutOfBudget(arm);
        }
        var generation = _services.Requests.Build(parent, request, _programs.Best.Program, _feedback.Recent, _services.Seed(index));
        var result = await _services.Generators.For(arm).ProposeAsync(generation with { Operator = arm.Operator }, ct).ConfigureAwait(false);
        return Proposal.From(arm, result);
    }

    private async Task<TrialOutcome> BuildAndEvaluateAsync(
        int index, TrialRequest request, ProgramState parent, Proposal proposal, LoggedTrial? replay, CancellationToken ct)
    {
        var built = CandidateBuilder.Build(parent.Sources, _services.PinTarget, proposal.Answer, EditOptions.Default);
        if (built is not Candidate candidate)
        {
            var failure = built.Failure!;
            _feedback.Add(FailureNames.Of(failure.Kind), failure.Message);
            return Finish(index, request, parent, proposal, TrialStatus.Rejected, null, FailureNames.Of(failure.Kind), failure.Message, null);
        }
        var duplicate = _deduplicator.CheckAndAdd(candidate);
        if (duplicate.IsDuplicate)
        {
            var first = duplicate.FirstSeen?.ToString();
            if (first is not null && _programs.Find(first) is { } earlier)
            {
                return Finish(index, request, parent, proposal, TrialStatus.Duplicate, earlier.Program, null, null, candidate);
            }
            var message = $"The same code as {first ?? "an earlier candidate"}, which was rejected before; propose something different.";
            _feedback.Add("duplicate", message);
            return Finish(index, request, parent, proposal, TrialStatus.Rejected, null, "duplicate", message, null);
        }
        var sources = candidate.ApplyTo(parent.Sources);
        _services.Store.SaveCandidate(candidate, parent, proposal, request.Label);
        var evaluation = replay is { Status: TrialStatus.Evaluated or TrialStatus.Rejected }
            ? _services.Store.LoadEvaluation(candidate, replay)
            : await _services.Evaluator.EvaluateAsync(candidate, sources, request.Cascade, ct).ConfigureAwait(false);
        if (replay is null)
        {
            _services.Store.SaveEvaluations(evaluation.Records);
        }
        if (!evaluation.Compiled)
        {
            _feedback.Add(evaluation.FailureKind ?? "compile-error", evaluation.FailureMessage ?? "The candidate does not compile.");
            // A rejected trial names no candidate (the run log refuses one that does); the candidate and its compile-error
            // evaluation stay stored, and a replay rebuilds the candidate from the logged answer.
            return Finish(index, request, parent, proposal, TrialStatus.Rejected, null, evaluation.FailureKind, evaluation.FailureMessage, null);
        }
        if (!evaluation.Feasible && evaluation.FailureMessage is { } reason)
        {
            _feedback.Add(evaluation.FailureKind ?? "infeasible", reason);
        }
        var method = MethodSourceFinder.Find(sources[_services.PinTarget.FilePath], _services.Pin) ?? parent.Program.MethodSource;
        var program = new SearchProgram(candidate.Id.ToString(), parent.Program.Id, method, evaluation.Fitness, evaluation.Feasible, evaluation.Metrics, index + 1);
        _programs.Add(new ProgramState(program, sources, candidate.Id));
        return Finish(index, request, parent, proposal, TrialStatus.Evaluated, program, evaluation.FailureKind, evaluation.FailureMessage, candidate, evaluation.Records.LastOrDefault()?.Id);
    }

    private TrialOutcome Finish(
        int index, TrialRequest request, ProgramState parent, Proposal proposal, TrialStatus status, SearchProgram? program,
        string? failureKind, string? failureMessage, Candidate? candidate, string? evaluationId = null)
    {
        if (proposal.IsOutOfBudget)
        {
            status = TrialStatus.OutOfBudget;
        }
        if (index >= _services.Log.Previous.Count)
        {
            _services.Log.Append(new LoggedTrial(
                index, status, candidate?.Id.ToString(), parent.CandidateId?.ToString(), proposal.Arm, proposal.Answer,
                failureKind, failureMessage, proposal.InputTokens, proposal.OutputTokens, proposal.CostUsd,
                status == TrialStatus.Evaluated ? program?.Fitness : null, status == TrialStatus.Evaluated ? program?.Feasible : null,
                request.Label, RequestDigest.Of(request), evaluationId));
        }
        return new TrialOutcome(status, program, failureKind, failureMessage, proposal.Arm, (double)proposal.CostUsd, proposal.InputTokens + proposal.OutputTokens);
    }
}
