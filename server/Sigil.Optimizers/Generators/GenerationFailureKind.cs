namespace Sigil.Optimizers.Generators;

/// <summary>
/// Why a generator produced no answer. The names are stable (they are stored with each attempt): add new kinds at
/// the end, never rename or renumber. An answer without a usable edit is not one of these: it is an answer, and
/// <see cref="Sigil.Candidates.Parsing.EditParser"/> classifies it.
/// </summary>
public enum GenerationFailureKind
{
    /// <summary>The endpoint kept answering 429 Too Many Requests (rate limit) until the attempts ran out.</summary>
    Http429 = 1,

    /// <summary>The endpoint kept answering a 5xx server error until the attempts ran out.</summary>
    Http5xx = 2,

    /// <summary>No complete answer arrived within the per-request timeout, on every attempt.</summary>
    Timeout = 3,

    /// <summary>The endpoint refused the credentials (401 or 403): check the API key variable.</summary>
    Unauthorized = 4,

    /// <summary>The endpoint rejected the request (another 4xx: unknown model, request too large…); retrying does not help.</summary>
    ClientError = 5,

    /// <summary>The endpoint answered something that is not a chat completion (not JSON, no choices).</summary>
    BadResponse = 6,

    /// <summary>The endpoint could not be reached (connection refused or reset, name not resolved).</summary>
    Network = 7,

    /// <summary>The run's token or USD budget would be exceeded; nothing was sent.</summary>
    BudgetExhausted = 8,

    /// <summary>A rule-based generator has no rewrite for this method (the message says why); nothing was spent.</summary>
    NotApplicable = 9,
}
