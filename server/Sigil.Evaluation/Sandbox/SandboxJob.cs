namespace Sigil.Evaluation.Sandbox;

/// <summary>One candidate to evaluate against a <see cref="SandboxContext"/>.</summary>
/// <param name="Context">The context (baseline, pin, samples).</param>
/// <param name="CandidateImage">The candidate's PE image: the whole project, with the baseline's assembly name.</param>
public sealed record SandboxJob(SandboxContext Context, byte[] CandidateImage)
{
    /// <summary>The candidate's portable PDB, if any (file and line numbers in its exceptions).</summary>
    public byte[]? CandidatePdb { get; init; }

    /// <summary>How many timed rounds (default 10); each runs every selected sample once per side.</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>Seeds the sample order and the A/B order of each pair: equal seeds, equal schedules.</summary>
    public int Seed { get; init; }

    /// <summary>The samples to run, by index into <see cref="SandboxContext.Samples"/>; null for all (the cascade's first step and the holdout pass subsets).</summary>
    public IReadOnlyList<int>? SampleIndices { get; init; }

    /// <summary>
    /// Untimed calls of each side before the rounds, cycling through the selected samples (default 64: a method is
    /// recompiled at full optimization after 30 calls, and the candidate always starts cold in its new load context).
    /// </summary>
    public int WarmupCalls { get; init; } = 64;

    /// <summary>
    /// What the candidate's code may use (default: pure computation). Checked before it is sent to a worker. A job whose
    /// policy allows anything more is run on a worker that is replaced afterwards (its code may have left threads,
    /// environment changes or native state behind).
    /// </summary>
    public ApiPolicy Policy { get; init; } = ApiPolicy.PureComputation;

    /// <summary>
    /// Which methods the policy checks, by <c>Namespace.Type::Method</c> (see <see cref="ApiPolicyChecker.Check"/>): the
    /// members the candidate changed or added, so the app's own unchanged code may keep using what it uses. Null checks
    /// the whole image.
    /// </summary>
    public Func<string, bool>? IsChangedCode { get; init; }

    /// <summary>
    /// Null when <see cref="CandidateImage"/> is the whole project. Else the image is a method-only candidate
    /// (<see cref="Compilation.CompiledCandidate.EntryTypeName"/>): the metadata name of the class holding its pin method.
    /// </summary>
    public string? CandidateEntryType { get; init; }

    /// <summary>
    /// With a method-only candidate: the baseline's own method compiled the same way
    /// (<see cref="Compilation.MethodOnlyCompiler.CompileBaselineMethod"/>), timed in place of the app's copy so that both
    /// sides are loaded, compiled and warmed alike; null: the app's copy.
    /// </summary>
    public Compilation.CompiledCandidate? BaselineMethod { get; init; }

    /// <summary>This job's wall-time limit; null: <see cref="SandboxOptions.WallTimeLimit"/>.</summary>
    public TimeSpan? WallTimeLimit { get; init; }
}
