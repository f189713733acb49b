using System.Text.Json;
using System.Text.Json.Serialization;
using Sigil.Manifests.Json;

namespace Sigil.Manifests.Model.Serialization;

/// <summary>Writes timestamps as RFC 3339 UTC at whole seconds (<c>2026-12-05T14:00:00Z</c>); sub-second parts are dropped.</summary>
internal sealed class Rfc3339Converter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return Rfc3339.Parse(reader.GetString() ?? "", "timestamp");
        }
        catch (JsonShapeException e)
        {
            throw new JsonException(e.Message);
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Rfc3339.ToText(value));
}
