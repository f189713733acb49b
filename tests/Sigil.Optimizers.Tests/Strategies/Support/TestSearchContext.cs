using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Applying;
using Sigil.Candidates.Building;
using Sigil.Candidates.Deduplication;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Budget;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Generators.Rules;
using Sigil.Optimizers.Strategies;

namespace Sigil.Optimizers.Tests.Strategies.Support;

/// <summary>
/// An <see cref="ISearchContext"/> for strategy tests that is real wherever it can be: answers come from the real
/// <see cref="RuleGenerator"/>, the real <see cref="LlmGenerator"/> (against a local scripted chat-completions server,
/// sharing a real <see cref="SpendTracker"/>) or the request itself; candidates are built against the parent's file by
/// the real <see cref="CandidateBuilder"/> and deduplicated by the real <see cref="CandidateDeduplicator"/>, as the run
/// service does. Only the evaluation is a stand-in: an <see cref="IFitnessModel"/> (by default the <see cref="CostModel"/>)
/// scores the resulting method deterministically instead of timing it in the sandbox. Records every trial.
/// </summary>
internal sealed class TestSearchContext : ISearchContext, IDisposable
{
    private readonly SearchSetup _setup;
    private readonly PinTarget _pin;
    private readonly string _typeSource;
    private readonly IFitnessModel _fitness;
    private readonly Dictionary<string, (SearchProgram Program, string File)> _programs = new(StringComparer.Ordinal);
    private readonly CandidateDeduplicator _deduplicator = new();
    private readonly RuleGenerator _rules = new();
    private readonly Dictionary<string, LlmGenerator> _llms = new(StringComparer.Ordinal);
    private readonly List<TrialRecord> _trials = [];
    private int _llmTrials;

    public TestSearchContext(SearchSetup setup)
    {
        _setup = setup;
        Assert.IsNotEmpty(setup.Arms, "a run always has arms");
        var method = Method(setup.FileText, setup.MethodName);
        var type = (TypeDeclarationSyntax)method.Parent!;
        _pin = new PinTarget(setup.FilePath, type.Identifier.ValueText + "." + setup.MethodName);
        _typeSource = type.ToFullString();
        var source = MethodSource(setup.FileText, setup.MethodName);
        _fitness = setup.Fitness ?? new CostModel(source);
        var verdict = _fitness.Score(source);
        Assert.IsTrue(verdict.Feasible, "the baseline must be correct: " + verdict.FailureMessage);
        Baseline = new SearchProgram(SearchProgram.BaselineId, null, source, verdict.Fitness, true, Metrics(verdict), 0);
        _programs[Baseline.Id] = (Baseline, setup.FileText);
        Spend = new SpendTracker(setup.Limits);
    }

    public long Seed => _setup.Seed;

    public int IterationsLeft => _setup.Iterations - _trials.Count;

    public bool BudgetExhausted
    {
        get
        {
            if (_setup.BudgetForLlmTrials is { } allowed && _llmTrials >= allowed)
            {
                return true;
            }
            var now = Spend.Snapshot();
            return (Spend.Limits.MaxTokens is { } tokens && now.Tokens + now.ReservedTokens >= tokens)
                || (Spend.Limits.MaxUsd is { } usd && now.Usd + now.ReservedUsd >= usd);
        }
    }

    public SearchProgram Baseline { get; }

    public IReadOnlyList<GeneratorArm> Arms => _setup.Arms;

    /// <summary>The spend the LLM generators share.</summary>
    public SpendTracker Spend { get; }

    /// <summary>Every trial, in order.</summary>
    public IReadOnlyList<TrialRecord> Trials => _trials;

    /// <summary>The trials as comparable lines.</summary>
    public IReadOnlyList<string> Trace => [.. _trials.Select(t => t.Describe())];

    /// <summary>Every program of the run, the baseline included.</summary>
    public IEnumerable<SearchProgram> Programs => _programs.Values.Select(p => p.Program);

    /// <summary>The fittest feasible program (the baseline when none beats it).</summary>
    public SearchProgram Best => Programs.Where(p => p.Feasible).MaxBy(p => p.Fitness)!;

    /// <summary>The program with <paramref name="id"/>.</summary>
    public SearchProgram Program(string id) => _programs[id].Program;

    public async Task<TrialOutcome> TryAsync(TrialRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        if (IterationsLeft <= 0)
        {
            throw new InvalidOperationException("No iteration is left in this run.");
        }
        var parent = Known(request.Parent ?? Baseline);
        foreach (var inspiration in request.Inspirations)
        {
            Known(inspiration);
        }
        var index = _trials.Count + 1;
        var exhausted = BudgetExhausted;
        var outcome = await MakeAsync(index, request, parent, ct);
        _trials.Add(new TrialRecord(index, request, outcome, exhausted));
        return outcome;
    }

    public void Dispose()
    {
        foreach (var llm in _llms.Values)
        {
            llm.Dispose();
        }
    }

    private async Task<TrialOutcome> MakeAsync(int index, TrialRequest request, SearchProgram parent, CancellationToken ct)
    {
        GeneratorArm? arm = null;
        double cost = 0;
        long tokens = 0;
        string answer;
        if (request.Answer is not null)
        {
            answer = request.Answer;
        }
        else
        {
            arm = request.Arm ?? Arms[0];
            var costly = arm.Generator == LlmGenerator.KindName;
            if (costly && BudgetExhausted)
            {
                return new TrialOutcome(TrialStatus.OutOfBudget, null, "budget-exhausted", "The budget is spent; the generator was not asked.", arm, 0, 0);
            }
            _llmTrials += costly ? 1 : 0;
            var result = await Generator(arm).ProposeAsync(GenerationRequest(index, request, parent, arm), ct);
            cost = (double)result.Usage.CostUsd;
            tokens = result.Usage.TotalTokens;
            if (result.Failure is { } failure)
            {
                var status = failure.Kind == GenerationFailureKind.BudgetExhausted ? TrialStatus.OutOfBudget : TrialStatus.Rejected;
                return new TrialOutcome(status, null, Kebab(failure.Kind.ToString()), failure.Message, arm, cost, tokens);
            }
            answer = result.Answer!;
        }

        var built = CandidateBuilder.Build(new Dictionary<string, string> { [_setup.FilePath] = _programs[parent.Id].File }, _pin, answer);
        if (built is not Candidate candidate)
        {
            return new TrialOutcome(TrialStatus.Rejected, null, Kebab(built.Failure!.Kind.ToString()), built.Failure.Message, arm, cost, tokens);
        }
        var duplicate = _deduplicator.CheckAndAdd(candidate);
        if (duplicate.IsDuplicate)
        {
            return _programs.TryGetValue(duplicate.FirstSeen!.ToString(), out var earlier)
                ? new TrialOutcome(TrialStatus.Duplicate, earlier.Program, null, null, arm, cost, tokens)
                : new TrialOutcome(TrialStatus.Rejected, null, "duplicate", "The same code was rejected before.", arm, cost, tokens);
        }
        var file = candidate.NewSources[_setup.FilePath];
        var method = MethodSource(file, _setup.MethodName);
        var verdict = _fitness.Score(method);
        var program = new SearchProgram(candidate.Id.ToString(), parent.Id, method, verdict.Fitness, verdict.Feasible, Metrics(verdict), index);
        _programs[program.Id] = (program, file);
        return new TrialOutcome(TrialStatus.Evaluated, program, verdict.Feasible ? null : "wrong-result", verdict.FailureMessage, arm, cost, tokens);
    }

    private GenerationRequest GenerationRequest(int index, TrialRequest request, SearchProgram parent, GeneratorArm arm) => new()
    {
        FunctionId = $"sigil://Sample@{new string('0', 40)}/Sample:{_pin.QualifiedName}#{new string('a', 64)}",
        FilePath = _setup.FilePath,
        MethodSource = Baseline.MethodSource,
        ContextSource = _typeSource,
        Scores = new BestScores(Baseline.Fitness, Best.Fitness, "speedup over the baseline, higher is better"),
        ParentSource = parent.IsBaseline ? null : parent.MethodSource,
        Inspirations = [.. request.Inspirations.Select(p => new Inspiration(p.MethodSource, p.Feasible ? p.Fitness : null, p.Id))],
        Seed = unchecked((long)SeededRandom.For(Seed, "trial " + index).NextUInt64()),
        Operator = arm.Operator,
    };

    private ICandidateGenerator Generator(GeneratorArm arm)
    {
        if (arm.Generator == RuleGenerator.KindName)
        {
            return _rules;
        }
        Assert.AreEqual(LlmGenerator.KindName, arm.Generator, "unknown generator");
        var options = _setup.Llm ?? throw new InvalidOperationException("An LLM arm needs SearchSetup.Llm.");
        var model = arm.Model ?? options.Model;
        if (!_llms.TryGetValue(model, out var llm))
        {
            llm = new LlmGenerator(options with { Model = model }, Spend);
            _llms[model] = llm;
        }
        return llm;
    }

    private SearchProgram Known(SearchProgram program)
    {
        if (!_programs.TryGetValue(program.Id, out var known))
        {
            throw new ArgumentException($"The program {program.Id} is not one of this run's.", nameof(program));
        }
        return known.Program;
    }

    private static Dictionary<string, double> Metrics(Verdict verdict) => new(StringComparer.Ordinal)
    {
        ["speedup"] = verdict.Fitness,
        ["cost"] = verdict.Cost,
    };

    private static MethodDeclarationSyntax Method(string fileText, string name) =>
        CSharpSyntaxTree.ParseText(fileText).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == name);

    /// <summary>The method's declaration as in the file, from its first attribute to its end (as the run service reads a pin).</summary>
    public static string MethodSource(string fileText, string name)
    {
        var method = Method(fileText, name);
        return fileText[(method.AttributeLists.FirstOrDefault()?.SpanStart ?? method.SpanStart)..method.Span.End];
    }

    private static string Kebab(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
