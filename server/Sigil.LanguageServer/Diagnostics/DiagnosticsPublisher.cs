using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Diagnostics;

/// <summary>Publishes <c>textDocument/publishDiagnostics</c>: pin rules for C# documents, verification for the manifest.</summary>
internal sealed class DiagnosticsPublisher(ServerState state, LanguageClient client, ServerLog log)
{
    private readonly Lock _gate = new();
    private string? _manifestUri;

    /// <summary>Publishes the pin diagnostics of an open C# document.</summary>
    public Task PublishPinsAsync(OpenDocument document)
    {
        if (!document.IsCSharp)
        {
            return Task.CompletedTask;
        }
        var tree = PinScanner.Parse(document.Text);
        var diagnostics = PinRules.Check(tree, PinScanner.Scan(tree));
        return client.NotifyAsync(LspMethods.PublishDiagnostics, new PublishDiagnosticsParams { Uri = document.Uri, Version = document.Version, Diagnostics = diagnostics });
    }

    /// <summary>Clears a closed C# document's diagnostics.</summary>
    public Task ClearAsync(string uri) =>
        client.NotifyAsync(LspMethods.PublishDiagnostics, new PublishDiagnosticsParams { Uri = uri, Diagnostics = [] });

    /// <summary>Verifies the manifest and publishes its diagnostics (clears them when it is gone).</summary>
    public async Task PublishManifestAsync()
    {
        if (state.Project is not { } project)
        {
            return;
        }
        (string Path, IReadOnlyList<Diagnostic> Diagnostics)? checkedManifest;
        try
        {
            checkedManifest = await Task.Run(() => ManifestDiagnostics.Check(project)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.Warn($"The manifest could not be verified: {e.Message}");
            return;
        }
        string? previous;
        lock (_gate)
        {
            previous = _manifestUri;
            _manifestUri = checkedManifest is { } m ? DocumentUris.FromPath(m.Path) : null;
        }
        if (checkedManifest is { } found)
        {
            await client.NotifyAsync(LspMethods.PublishDiagnostics, new PublishDiagnosticsParams { Uri = DocumentUris.FromPath(found.Path), Diagnostics = found.Diagnostics }).ConfigureAwait(false);
        }
        else if (previous is not null)
        {
            await ClearAsync(previous).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <paramref name="uri"/> is the project's manifest.</summary>
    public bool IsManifest(string uri) =>
        state.Project is { } project && DocumentUris.ToPath(uri) is { } path && string.Equals(path, ManifestLocator.Path(project), StringComparison.Ordinal);
}
