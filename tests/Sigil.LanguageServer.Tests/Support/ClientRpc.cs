using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>The client's JsonRpc, keeping error data as the raw JSON the server sent (not StreamJsonRpc's exception shape).</summary>
internal sealed class ClientRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override Type? GetErrorDetailsDataType(JsonRpcError error) => typeof(JsonElement);
}
