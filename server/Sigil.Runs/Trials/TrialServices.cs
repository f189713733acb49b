using Sigil.Candidates.Applying;
using Sigil.Runs.Generators;
using Sigil.Runs.Pins;

namespace Sigil.Runs.Trials;

/// <summary>What a <see cref="TrialExecutor"/> works with for one pin.</summary>
internal sealed record TrialServices(
    PinInfo Pin,
    PinTarget PinTarget,
    GeneratorSet Generators,
    GenerationRequestFactory Requests,
    IPinEvaluator Evaluator,
    TrialStore Store,
    ITrialLog Log,
    long RunSeed)
{
    /// <summary>The seed of trial <paramref name="index"/>: distinct per trial, fixed by the run's seed.</summary>
    public long Seed(int index) => unchecked(RunSeed * 1_000_003 + index);
}
