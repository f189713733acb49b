namespace Sigil.Optimizers.Generators;

/// <summary>A classified reason why no answer was obtained.</summary>
/// <param name="Kind">The classification.</param>
/// <param name="Message">What happened and what to do (never holds an API key).</param>
/// <param name="StatusCode">The last HTTP status the endpoint answered, if any.</param>
public sealed record GenerationFailure(GenerationFailureKind Kind, string Message, int? StatusCode = null)
{
    /// <summary>True for the kinds a later attempt may get past (rate limits, server errors, timeouts, network).</summary>
    public bool IsTransient => Kind is GenerationFailureKind.Http429 or GenerationFailureKind.Http5xx
        or GenerationFailureKind.Timeout or GenerationFailureKind.Network;

    /// <summary><c>Kind: Message</c>.</summary>
    public override string ToString() => $"{Kind}: {Message}";
}
