using System.Text.Json;
using System.Text.Json.Serialization;
using Sigil.Core.Identity;

namespace Sigil.Manifests.Model.Serialization;

/// <summary>Writes a <see cref="CandidateId"/> as its <c>diff://b3:</c> string.</summary>
internal sealed class CandidateIdConverter : JsonConverter<CandidateId>
{
    public override CandidateId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CandidateId.Parse(reader.GetString() ?? throw new JsonException("A CandidateID must be a string."));

    public override void Write(Utf8JsonWriter writer, CandidateId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
