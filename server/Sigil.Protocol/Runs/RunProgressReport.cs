using System.Text.Json.Serialization;
using Sigil.Protocol.Lsp;

namespace Sigil.Protocol.Runs;

/// <summary>A run's <c>$/progress</c> report: the LSP fields, plus the run's own in <c>sigil</c> (clients may ignore it).</summary>
public sealed record RunProgressReport : WorkDoneProgressReport
{
    /// <summary>The run's progress event.</summary>
    [JsonPropertyName("sigil")] public RunProgressDetail? Sigil { get; init; }
}
