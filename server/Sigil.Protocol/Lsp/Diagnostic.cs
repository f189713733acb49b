using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>A problem in a document.</summary>
public sealed record Diagnostic
{
    /// <summary>Where.</summary>
    [JsonPropertyName("range")] public Range Range { get; init; } = new();

    /// <summary><see cref="DiagnosticSeverity"/>.</summary>
    [JsonPropertyName("severity")] public int Severity { get; init; } = DiagnosticSeverity.Error;

    /// <summary>The code: a generator id (<c>SIGIL005</c>) or a manifest verification code.</summary>
    [JsonPropertyName("code")] public string? Code { get; init; }

    /// <summary><c>sigil</c>.</summary>
    [JsonPropertyName("source")] public string Source { get; init; } = "sigil";

    /// <summary>What is wrong and how to fix it.</summary>
    [JsonPropertyName("message")] public string Message { get; init; } = "";
}
