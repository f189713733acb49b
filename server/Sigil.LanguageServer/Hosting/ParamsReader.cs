using System.Text.Json;

namespace Sigil.LanguageServer.Hosting;

/// <summary>
/// Reads a method's params object from the raw JSON, so that params of the wrong shape are answered with -32602 Invalid
/// params naming the field (StreamJsonRpc's own binding answers -32000 with a stack trace).
/// </summary>
internal static class ParamsReader
{
    private static readonly JsonSerializerOptions Options = new() { AllowTrailingCommas = false };

    /// <summary>The params; a new <typeparamref name="TParams"/> when absent or null.</summary>
    /// <exception cref="RequestException">-32602: the params are not an object of the method's shape.</exception>
    public static TParams Read<TParams>(JsonElement? parameters, string method)
        where TParams : class, new()
    {
        if (parameters is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new TParams();
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw RequestException.InvalidParams($"The params of '{method}' must be an object (got {element.ValueKind.ToString().ToLowerInvariant()}); see docs/lsp-extensions.md.");
        }
        try
        {
            return element.Deserialize<TParams>(Options) ?? new TParams();
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path}";
            throw RequestException.InvalidParams($"The params of '{method}' do not fit{where}: {e.Message.Split(" Path:")[0]}");
        }
    }
}
