using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model.Serialization;

/// <summary>Writes a <see cref="ConfidenceInterval"/> as <c>[low, high]</c>.</summary>
internal sealed class ConfidenceIntervalConverter : JsonConverter<ConfidenceInterval>
{
    public override ConfidenceInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var bounds = JsonSerializer.Deserialize<double[]>(ref reader, options);
        return bounds is [var low, var high]
            ? new ConfidenceInterval(low, high)
            : throw new JsonException("A confidence interval is an array [low, high] of two numbers.");
    }

    public override void Write(Utf8JsonWriter writer, ConfidenceInterval value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Low);
        writer.WriteNumberValue(value.High);
        writer.WriteEndArray();
    }
}
