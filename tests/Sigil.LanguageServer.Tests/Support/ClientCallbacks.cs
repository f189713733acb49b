using System.Text.Json;
using StreamJsonRpc;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>The client side of the server's notifications and requests: each is recorded; requests are answered.</summary>
internal sealed class ClientCallbacks(Action<string, JsonElement> record)
{
    [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
    public object? CreateProgress(JsonElement? parameters = null)
    {
        record("window/workDoneProgress/create", parameters ?? default);
        return null;
    }

    [JsonRpcMethod("workspace/codeLens/refresh", UseSingleObjectParameterDeserialization = true)]
    public object? RefreshLenses(JsonElement? parameters = null)
    {
        record("workspace/codeLens/refresh", parameters ?? default);
        return null;
    }

    [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
    public void Progress(JsonElement? parameters = null) => record("$/progress", parameters ?? default);

    [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
    public void Diagnostics(JsonElement? parameters = null) => record("textDocument/publishDiagnostics", parameters ?? default);

    [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
    public void Log(JsonElement? parameters = null) => record("window/logMessage", parameters ?? default);

    [JsonRpcMethod("sigil/run/finished", UseSingleObjectParameterDeserialization = true)]
    public void RunFinished(JsonElement? parameters = null) => record("sigil/run/finished", parameters ?? default);
}
