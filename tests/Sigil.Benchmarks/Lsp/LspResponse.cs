using System.Text.Json;

namespace Sigil.Benchmarks.Lsp;

/// <summary>A response of the server and how long its round trip took.</summary>
/// <param name="Result">The result (a clone; <c>Undefined</c> for an error).</param>
/// <param name="Error">The error object, when the server answered one.</param>
/// <param name="Milliseconds">From just before the request's bytes were written to just after the response's last byte was read.</param>
/// <param name="ReceivedAt">When the response's last byte was read (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</param>
internal readonly record struct LspResponse(JsonElement Result, JsonElement? Error, double Milliseconds, long ReceivedAt);
