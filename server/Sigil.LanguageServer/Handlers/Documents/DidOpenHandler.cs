using Sigil.LanguageServer.Diagnostics;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Handlers.Documents;

/// <summary><c>textDocument/didOpen</c>: keeps the text; publishes pin diagnostics (C#) or the manifest's.</summary>
internal sealed class DidOpenHandler(DocumentStore documents, DiagnosticsPublisher diagnostics) : INotificationHandler<DidOpenTextDocumentParams>
{
    /// <inheritdoc />
    public string Method => LspMethods.DidOpen;

    /// <inheritdoc />
    public async Task HandleAsync(DidOpenTextDocumentParams parameters)
    {
        var item = parameters.TextDocument;
        var document = new OpenDocument(item.Uri, item.LanguageId, item.Version, item.Text ?? "");
        documents.Open(document);
        await diagnostics.PublishPinsAsync(document).ConfigureAwait(false);
        if (diagnostics.IsManifest(item.Uri))
        {
            _ = diagnostics.PublishManifestAsync();
        }
    }
}
