using System.Text.Json;
using StreamJsonRpc;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>The data of JSON-RPC errors.</summary>
internal static class RpcErrors
{
    /// <summary>The error's data as the server sent it.</summary>
    public static JsonElement Data(RemoteRpcException error) =>
        error.DeserializedErrorData is JsonElement data ? data : throw new AssertFailedException($"the error has no JSON data: {error.ErrorData}");
}
