using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>An evaluator whose results back the manifest's metrics.</summary>
/// <param name="Name">The evaluator's name, e.g. <c>accuracy</c>.</param>
/// <param name="Version">Its version, a string such as <c>3</c>.</param>
public sealed record EvaluatorRef(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version);
