using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Handlers.Lenses;

/// <summary><c>textDocument/codeLens</c>: the lenses of an open document's current text (<see cref="LensBuilder"/>).</summary>
internal sealed class CodeLensHandler(DocumentStore documents, LensBuilder lenses) : IRequestHandler<CodeLensParams, IReadOnlyList<CodeLens>>
{
    /// <inheritdoc />
    public string Method => LspMethods.CodeLens;

    /// <inheritdoc />
    public Task<IReadOnlyList<CodeLens>> HandleAsync(CodeLensParams parameters, CancellationToken ct)
    {
        var uri = RequestException.Required(parameters.TextDocument?.Uri, "textDocument.uri", "\"textDocument\": {\"uri\": \"file:///app/Kernels.cs\"}");
        var document = documents.Get(uri);
        return Task.FromResult(document is null ? [] : lenses.Build(document));
    }
}
