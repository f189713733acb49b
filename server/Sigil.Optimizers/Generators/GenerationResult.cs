namespace Sigil.Optimizers.Generators;

/// <summary>
/// One proposal: the answer text, or the <see cref="GenerationFailure"/> that kept it from coming, with what it took
/// (tokens, cost, attempts, latency) and its provenance (generator, operator, model, prompt digest).
/// Exactly one of <see cref="Answer"/> and <see cref="Failure"/> is set.
/// </summary>
public sealed record GenerationResult
{
    /// <summary>The generator's <see cref="ICandidateGenerator.Kind"/>.</summary>
    public required string GeneratorKind { get; init; }

    /// <summary>The operator used: the prompt variant or the rewrite rule; <c>null</c> when none was chosen (a refused request).</summary>
    public string? Operator { get; init; }

    /// <summary>The answer text to give to <see cref="Sigil.Candidates.Building.CandidateBuilder"/>; <c>null</c> on failure.</summary>
    public string? Answer { get; init; }

    /// <summary>Why there is no answer; <c>null</c> when there is one.</summary>
    public GenerationFailure? Failure { get; init; }

    /// <summary>The model that answered (as the endpoint named it) or was asked; <c>null</c> for rule-based proposals.</summary>
    public string? Model { get; init; }

    /// <summary>Tokens and cost; <see cref="GenerationUsage.None"/> when nothing was consumed.</summary>
    public GenerationUsage Usage { get; init; } = GenerationUsage.None;

    /// <summary>HTTP requests sent (0 when refused before sending or for a rule-based proposal).</summary>
    public int Attempts { get; init; }

    /// <summary>Wall time from the call to the result, waits between attempts included.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The master prompt's name and version (<c>sigil.codeopt@1</c>), for LLM proposals.</summary>
    public string? PromptName { get; init; }

    /// <summary>BLAKE3 (64 lowercase hex) of the messages sent (see <see cref="Llm.ChatPrompt.Digest"/>), for provenance.</summary>
    public string? PromptDigest { get; init; }

    /// <summary>True when there is an answer.</summary>
    public bool Succeeded => Failure is null;
}
