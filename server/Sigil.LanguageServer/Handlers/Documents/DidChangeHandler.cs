using Sigil.LanguageServer.Diagnostics;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Handlers.Documents;

/// <summary>
/// <c>textDocument/didChange</c> (full sync: the last whole-text change wins); republishes pin diagnostics. The
/// manifest's are re-checked from disk, since verification reads the file as the resolver would.
/// </summary>
internal sealed class DidChangeHandler(DocumentStore documents, DiagnosticsPublisher diagnostics, ServerLog log) : INotificationHandler<DidChangeTextDocumentParams>
{
    /// <inheritdoc />
    public string Method => LspMethods.DidChange;

    /// <inheritdoc />
    public async Task HandleAsync(DidChangeTextDocumentParams parameters)
    {
        var uri = parameters.TextDocument.Uri;
        var full = parameters.ContentChanges.LastOrDefault(c => c.Range is null);
        if (full is null)
        {
            log.Warn($"didChange of {uri} without the whole text: the server asked for full sync (textDocumentSync.change = 1); the change was ignored");
            return;
        }
        if (!documents.Change(uri, parameters.TextDocument.Version, full.Text ?? ""))
        {
            return;
        }
        if (documents.Get(uri) is { } document)
        {
            await diagnostics.PublishPinsAsync(document).ConfigureAwait(false);
        }
        if (diagnostics.IsManifest(uri))
        {
            _ = diagnostics.PublishManifestAsync();
        }
    }
}
