using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Strategies;
using Sigil.Runs.Pins;

namespace Sigil.Runs.Trials;

/// <summary>Builds what a generator is told about a pin: its code, context, input sketches, scores and recent failures.</summary>
/// <param name="pin">The pin.</param>
/// <param name="sampleSketches">Sketches of the samples the generator may see (never the holdout).</param>
/// <param name="metric">The name of the fitness metric (<c>speedup</c>, <c>score</c>).</param>
/// <param name="baselineFitness">The baseline's fitness.</param>
internal sealed class GenerationRequestFactory(PinInfo pin, IReadOnlyList<string> sampleSketches, string metric, double baselineFitness)
{
    /// <summary>How many inspirations a prompt carries at most.</summary>
    public const int MaxInspirations = 4;

    public GenerationRequest Build(ProgramState parent, TrialRequest request, SearchProgram best, IReadOnlyList<PreviousFailure> failures, long seed) => new()
    {
        FunctionId = pin.FunctionId.ToString(),
        FilePath = pin.SourceFile,
        MethodSource = pin.MethodSource,
        ContextSource = pin.ContextSource,
        SpecName = pin.Spec,
        EvalFunctionName = pin.Eval?.DisplayName,
        SampleSketches = sampleSketches,
        Scores = new BestScores(baselineFitness, best.Fitness, metric),
        PreviousFailures = failures,
        ParentSource = parent.Program.IsBaseline ? null : parent.Program.MethodSource,
        Inspirations = request.Inspirations.Take(MaxInspirations)
            .Select(p => new Inspiration(p.MethodSource, p.Feasible ? p.Fitness : null, p.IsBaseline ? "baseline" : p.Id))
            .ToList(),
        Seed = seed,
    };
}
