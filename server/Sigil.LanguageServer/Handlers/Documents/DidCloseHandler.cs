using Sigil.LanguageServer.Diagnostics;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Handlers.Documents;

/// <summary><c>textDocument/didClose</c>: forgets the text and clears a C# document's diagnostics (the manifest's stay).</summary>
internal sealed class DidCloseHandler(DocumentStore documents, DiagnosticsPublisher diagnostics) : INotificationHandler<DidCloseTextDocumentParams>
{
    /// <inheritdoc />
    public string Method => LspMethods.DidClose;

    /// <inheritdoc />
    public Task HandleAsync(DidCloseTextDocumentParams parameters)
    {
        var uri = parameters.TextDocument.Uri;
        var document = documents.Get(uri);
        documents.Close(uri);
        return document is { IsCSharp: true } ? diagnostics.ClearAsync(uri) : Task.CompletedTask;
    }
}
