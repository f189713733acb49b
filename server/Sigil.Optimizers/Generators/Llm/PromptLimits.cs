namespace Sigil.Optimizers.Generators.Llm;

/// <summary>How much of a request goes into a prompt (the rest is cut, and the prompt says so).</summary>
public sealed record PromptLimits
{
    /// <summary>The defaults: 24,000 characters of context, 20 sketches, the last 5 failures of 2,000 characters each, 3 inspirations.</summary>
    public static PromptLimits Default { get; } = new();

    /// <summary>Characters of the containing type's source.</summary>
    public int MaxContextChars { get; init; } = 24_000;

    /// <summary>Sample sketches listed.</summary>
    public int MaxSketches { get; init; } = 20;

    /// <summary>Characters of one sketch.</summary>
    public int MaxSketchChars { get; init; } = 300;

    /// <summary>Previous failures listed (the most recent ones).</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>Characters of one failure message.</summary>
    public int MaxFailureChars { get; init; } = 2_000;

    /// <summary>Inspirations shown.</summary>
    public int MaxInspirations { get; init; } = 3;
}
