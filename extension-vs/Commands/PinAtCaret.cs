using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace Sigil.VisualStudio.Commands;

/// <summary>
/// The pin the caret is in, as the server describes it: the <c>sigil.improve</c> lens nearest above the caret
/// (its arguments are the server's <c>PinCommandArguments</c>: pin, spec, workspace, uri).
/// </summary>
internal static class PinAtCaret
{
    public static async Task<JObject?> FindAsync(JsonRpc rpc, Uri document, int caretLine, CancellationToken ct)
    {
        var lenses = await rpc.InvokeWithParameterObjectAsync<JArray?>("textDocument/codeLens",
            new { textDocument = new { uri = document.AbsoluteUri } }, ct);
        return lenses?
            .OfType<JObject>()
            .Where(l => (string?)l["command"]?["command"] == "sigil.improve")
            .Select(l => (Line: (int?)l["range"]?["start"]?["line"] ?? -1, Args: l["command"]?["arguments"]?.FirstOrDefault() as JObject))
            .Where(l => l.Line <= caretLine && l.Args is not null)
            .OrderByDescending(l => l.Line)
            .Select(l => l.Args)
            .FirstOrDefault();
    }
}
