using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>How protocol messages are written as JSON on both sides (camelCase, nulls omitted, byte arrays as base64).</summary>
internal static class ProtocolJson
{
    /// <summary>The options every protocol message is (de)serialized with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The message as UTF-8 JSON.</summary>
    public static byte[] Serialize<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, Options);

    /// <summary>The message read from UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The JSON is not such a message.</exception>
    public static T Deserialize<T>(byte[] json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("A protocol message was the JSON literal null.");
}
