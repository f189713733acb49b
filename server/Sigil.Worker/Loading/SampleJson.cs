using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sigil.Worker.Loading;

/// <summary>
/// JSON for samples and outputs, one per load context. System.Text.Json shares one metadata cache among all options
/// instances that compare equal, and keeps it as long as any of them lives: the baseline's options would then hold every
/// candidate's types (and so its load context) forever (measured). Options with a resolver instance of their own never
/// compare equal, so each context's cache dies with it (its reflection-emitted member accessors, for app types, linger
/// in System.Text.Json's own sliding cache for about a second more).
/// </summary>
internal sealed class SampleJson
{
    private readonly JsonSerializerOptions _options = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        MaxDepth = 256,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary><paramref name="json"/> as a <paramref name="type"/>.</summary>
    /// <exception cref="JsonException">The text is not JSON of that type.</exception>
    /// <exception cref="NotSupportedException">The type cannot be deserialized.</exception>
    public object? Deserialize(string json, Type type) => JsonSerializer.Deserialize(json, type, _options);

    /// <summary><paramref name="value"/> as JSON (by its declared <paramref name="type"/>).</summary>
    public string Serialize(object? value, Type type) => JsonSerializer.Serialize(value, type, _options);
}
