using System.Text.Json.Serialization;

namespace Sigil.Protocol.Commands;

/// <summary>The argument of the pin lenses' commands.</summary>
public sealed record PinCommandArguments
{
    /// <summary>The pin's qualified name as in its FunctionID (<c>Kernels.Root(double)</c>).</summary>
    [JsonPropertyName("pin")] public string Pin { get; init; } = "";

    /// <summary>The spec named on <c>[Improve]</c>.</summary>
    [JsonPropertyName("spec")] public string Spec { get; init; } = "";

    /// <summary>The workspace named on <c>[Improve]</c> (<c>default</c> when none).</summary>
    [JsonPropertyName("workspace")] public string Workspace { get; init; } = "default";

    /// <summary>The document holding the pin.</summary>
    [JsonPropertyName("uri")] public string? Uri { get; init; }
}
