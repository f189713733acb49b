namespace Sigil.Optimizers.Strategies;

/// <summary>What to try: which parent to start from, which ideas to show, and which arm to ask (or a ready answer).</summary>
public sealed record TrialRequest
{
    /// <summary>The program to start from; <c>null</c> for the baseline.</summary>
    public SearchProgram? Parent { get; init; }

    /// <summary>Other programs shown to the generator as ideas (AlphaEvolve's inspirations).</summary>
    public IReadOnlyList<SearchProgram> Inspirations { get; init; } = [];

    /// <summary>The arm to ask; <c>null</c> with <see cref="Answer"/> set, or to let the context use its first arm.</summary>
    public GeneratorArm? Arm { get; init; }

    /// <summary>
    /// A ready answer (SEARCH/REPLACE blocks or a fenced whole method) to build instead of asking a generator, for
    /// strategies that write code themselves (MADS sets numeric literals). Costs no tokens.
    /// </summary>
    public string? Answer { get; init; }

    /// <summary>Evaluate on a few samples first and stop there when the candidate is wrong or far slower (AlphaEvolve's cascade).</summary>
    public bool Cascade { get; init; }

    /// <summary>A short label stored with the candidate's provenance (for example <c>island=2 cell=3,1</c>).</summary>
    public string? Label { get; init; }
}
