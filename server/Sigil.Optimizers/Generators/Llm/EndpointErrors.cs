using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace Sigil.Optimizers.Generators.Llm;

/// <summary>Turns what an attempt threw into a <see cref="GenerationFailure"/>: by HTTP status first, then by exception type.</summary>
internal static class EndpointErrors
{
    private const int MaxDetail = 400;

    /// <summary>
    /// Classifies <paramref name="error"/> (never a cancellation by the caller: that propagates). <paramref name="secret"/>
    /// is removed from every message.
    /// </summary>
    public static EndpointError Classify(Exception error, TimeSpan timeout, DateTimeOffset now, string? secret)
    {
        switch (error)
        {
            case ClientResultException { Status: > 0 } http:
                {
                    var response = http.GetRawResponse();
                    string? retryAfter = null, retryAfterMs = null;
                    response?.Headers.TryGetValue("Retry-After", out retryAfter);
                    response?.Headers.TryGetValue("retry-after-ms", out retryAfterMs);
                    var wait = RetryDelays.ParseRetryAfter(retryAfterMs, retryAfter, now);
                    return new EndpointError(FromStatus(http.Status, Detail(http.Message, secret)), wait);
                }
            case ClientResultException transport:
                return new EndpointError(new GenerationFailure(GenerationFailureKind.Network,
                    $"The endpoint could not be reached: {Detail(Innermost(transport).Message, secret)} Check llm.base_url and that the server is running."), null);
            case HttpRequestException { StatusCode: { } status } http:
                return new EndpointError(FromStatus((int)status, Detail(http.Message, secret)), null);
            case HttpRequestException or SocketException or IOException:
                return new EndpointError(new GenerationFailure(GenerationFailureKind.Network,
                    $"The endpoint could not be reached: {Detail(Innermost(error).Message, secret)} Check llm.base_url and that the server is running."), null);
            case OperationCanceledException or TimeoutException:
                return new EndpointError(new GenerationFailure(GenerationFailureKind.Timeout,
                    string.Create(CultureInfo.InvariantCulture, $"No complete answer within the request timeout of {timeout.TotalSeconds:0.###} s.")), null);
            default:
                var kind = error is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or NullReferenceException
                    ? "not a chat completion"
                    : "an unexpected error";
                return new EndpointError(new GenerationFailure(GenerationFailureKind.BadResponse,
                    $"The endpoint's answer is {kind} ({error.GetType().Name}: {Detail(error.Message, secret)}); expected OpenAI chat-completions JSON with choices[0].message.content."), null);
        }
    }

    private static GenerationFailure FromStatus(int status, string detail) => status switch
    {
        401 or 403 => new(GenerationFailureKind.Unauthorized,
            $"The endpoint refused the credentials (HTTP {status}): {detail} Set the API key in the variable named by llm.api_key_env.", status),
        429 => new(GenerationFailureKind.Http429, $"The endpoint is rate limiting (HTTP 429): {detail}", status),
        408 => new(GenerationFailureKind.Timeout, $"The endpoint timed out (HTTP 408): {detail}", status),
        >= 500 => new(GenerationFailureKind.Http5xx, $"The endpoint failed (HTTP {status}): {detail}", status),
        >= 400 => new(GenerationFailureKind.ClientError, $"The endpoint rejected the request (HTTP {status}): {detail} Check llm.model and the endpoint.", status),
        _ => new(GenerationFailureKind.BadResponse, $"The endpoint answered HTTP {status}, not a chat completion: {detail}", status),
    };

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is not null)
        {
            error = error.InnerException;
        }
        return error;
    }

    private static string Detail(string message, string? secret)
    {
        var text = message.ReplaceLineEndings(" ").Trim();
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 4)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        if (text.Length > MaxDetail)
        {
            text = text[..MaxDetail] + "…";
        }
        return text.Length == 0 || text.EndsWith('.') ? text : text + ".";
    }
}
