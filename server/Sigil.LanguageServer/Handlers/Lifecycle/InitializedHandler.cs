using Sigil.LanguageServer.Diagnostics;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Handlers.Lifecycle;

/// <summary><c>initialized</c>: starts watching the project's store and publishes the manifest's diagnostics.</summary>
internal sealed class InitializedHandler(ServerState state, StoreWatcher watcher, DiagnosticsPublisher diagnostics) : INotificationHandler<NoParams>
{
    /// <inheritdoc />
    public string Method => LspMethods.Initialized;

    /// <inheritdoc />
    public Task HandleAsync(NoParams parameters)
    {
        if (state.Project is { } project)
        {
            watcher.Start(project);
            _ = diagnostics.PublishManifestAsync();
        }
        return Task.CompletedTask;
    }
}
