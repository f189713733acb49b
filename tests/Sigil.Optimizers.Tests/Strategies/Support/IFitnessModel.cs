namespace Sigil.Optimizers.Tests.Strategies.Support;

/// <summary>
/// A deterministic stand-in for the sandboxed, paired evaluation: scores a method's source without running it, so
/// strategy tests are fast and reproducible bit for bit. The run service's end-to-end tests use the real evaluation.
/// </summary>
internal interface IFitnessModel
{
    /// <summary>The verdict on <paramref name="methodSource"/>.</summary>
    Verdict Score(string methodSource);
}
