using Sigil.Protocol.Errors;

namespace Sigil.LanguageServer.Hosting;

/// <summary>A request the server refuses, with the JSON-RPC code and kind to answer with (<see cref="SigilErrorCodes"/>).</summary>
internal sealed class RequestException(int code, string kind, string message) : Exception(message)
{
    /// <summary>The JSON-RPC error code.</summary>
    public int Code { get; } = code;

    /// <summary>The stable kind in the error's data.</summary>
    public string Kind { get; } = kind;

    /// <summary>Invalid params (-32602): what is wrong and what to send.</summary>
    public static RequestException InvalidParams(string message) => new(SigilErrorCodes.InvalidParams, "invalid-params", message);

    /// <summary>A required string field is missing or blank.</summary>
    public static string Required(string? value, string field, string example) =>
        string.IsNullOrWhiteSpace(value) ? throw InvalidParams($"'{field}' is required, e.g. {example}.") : value.Trim();

    /// <summary>Something named does not exist.</summary>
    public static RequestException NotFound(string message) => new(SigilErrorCodes.NotFound, "not-found", message);
}
