using Sigil.Protocol.Lsp;
using StreamJsonRpc;

namespace Sigil.LanguageServer.Hosting;

/// <summary>What the server sends to the client: notifications and requests, over the one JSON-RPC connection.</summary>
internal sealed class LanguageClient(JsonRpc rpc)
{
    /// <summary>Sends a notification.</summary>
    public Task NotifyAsync(string method, object? parameters) => rpc.NotifyWithParameterObjectAsync(method, parameters);

    /// <summary>Sends a request and waits for its answer (ignored).</summary>
    public Task RequestAsync(string method, object? parameters, CancellationToken ct) =>
        rpc.InvokeWithParameterObjectAsync(method, parameters, ct);

    /// <summary>Sends <c>window/logMessage</c>.</summary>
    public Task LogAsync(LogMessageParams message) => NotifyAsync(LspMethods.LogMessage, message);
}
