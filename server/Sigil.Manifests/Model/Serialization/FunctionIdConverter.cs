using System.Text.Json;
using System.Text.Json.Serialization;
using Sigil.Core.Identity;

namespace Sigil.Manifests.Model.Serialization;

/// <summary>Writes a <see cref="FunctionId"/> as its <c>sigil://</c> string.</summary>
internal sealed class FunctionIdConverter : JsonConverter<FunctionId>
{
    public override FunctionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FunctionId.Parse(reader.GetString() ?? throw new JsonException("A FunctionID must be a string."));

    public override void Write(Utf8JsonWriter writer, FunctionId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
