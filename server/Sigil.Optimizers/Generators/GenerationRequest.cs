namespace Sigil.Optimizers.Generators;

/// <summary>
/// Everything a generator may use to propose a change to one pinned method. Only <see cref="FunctionId"/>,
/// <see cref="FilePath"/> and <see cref="MethodSource"/> are required; the rest makes proposals better.
/// </summary>
public sealed record GenerationRequest
{
    /// <summary>The pin's FunctionID (<c>sigil://…</c>) or, at least, its qualname.</summary>
    public required string FunctionId { get; init; }

    /// <summary>The source file that declares the pin, relative to the project root.</summary>
    public required string FilePath { get; init; }

    /// <summary>The pinned method's current source (its declaration as in the file).</summary>
    public required string MethodSource { get; init; }

    /// <summary>The containing type's source, as context (fields, helpers, constants); <c>null</c> when not available.</summary>
    public string? ContextSource { get; init; }

    /// <summary>The spec the pin belongs to.</summary>
    public string? SpecName { get; init; }

    /// <summary>The name of the spec's eval function for this pin, if any.</summary>
    public string? EvalFunctionName { get; init; }

    /// <summary>Short sketches of tracked calls (<c>x=3</c>, <c>values=int[16] sum=…</c>): what inputs look like.</summary>
    public IReadOnlyList<string> SampleSketches { get; init; } = [];

    /// <summary>The baseline's and the best candidate's scores so far; <c>null</c> before anything was evaluated.</summary>
    public BestScores? Scores { get; init; }

    /// <summary>What went wrong with earlier proposals (unusable answers, compile errors, wrong results), oldest first.</summary>
    public IReadOnlyList<PreviousFailure> PreviousFailures { get; init; } = [];

    /// <summary>The parent candidate's version of the method to start from; <c>null</c> to start from <see cref="MethodSource"/>.</summary>
    public string? ParentSource { get; init; }

    /// <summary>Other candidates' versions of the method, shown as ideas (AlphaEvolve's inspirations).</summary>
    public IReadOnlyList<Inspiration> Inspirations { get; init; } = [];

    /// <summary>The seed: the same request with the same seed proposes the same answer where the generator can ensure it.</summary>
    public long Seed { get; init; }

    /// <summary>
    /// The operator: a prompt variant for the LLM generator (<see cref="Llm.PromptVariants"/>), a rewrite rule for the
    /// rule-based one (<see cref="Rules.RewriteOperators"/>); <c>null</c> lets the generator choose.
    /// </summary>
    public string? Operator { get; init; }

    /// <summary>The method to improve: <see cref="ParentSource"/> when given, else <see cref="MethodSource"/>.</summary>
    public string StartingSource => ParentSource ?? MethodSource;
}
