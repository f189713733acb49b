using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model.Serialization;

/// <summary>Serialization of the model to JSON (parsing goes through the validating readers in <c>Parsing/</c>).</summary>
internal static class ManifestJson
{
    /// <summary>Snake-case names come from the model's attributes; null optional fields are left out.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new Rfc3339Converter() },
    };

    /// <summary>Indented output for people; operators such as <c>&gt;=</c> are left readable (no HTML escaping).</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact output, same escaping as <see cref="Indented"/>.</summary>
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document as a JSON object, members in declaration order.</summary>
    public static JsonObject ToNode(ManifestDocument document) =>
        JsonSerializer.SerializeToNode(document, Options)!.AsObject();
}
