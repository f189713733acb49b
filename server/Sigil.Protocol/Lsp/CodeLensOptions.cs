using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>Code lens options.</summary>
public sealed record CodeLensOptions
{
    /// <summary>False: lenses come with their commands.</summary>
    [JsonPropertyName("resolveProvider")] public bool ResolveProvider { get; init; }
}
