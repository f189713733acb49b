namespace Sigil.Optimizers.Generators.Llm;

/// <summary>A failed attempt, classified, with the wait the endpoint asked for (if any).</summary>
/// <param name="Failure">The classified failure.</param>
/// <param name="RetryAfter">The endpoint's <c>Retry-After</c>, when it sent one.</param>
internal sealed record EndpointError(GenerationFailure Failure, TimeSpan? RetryAfter);
