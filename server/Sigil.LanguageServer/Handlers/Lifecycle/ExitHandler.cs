using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Handlers.Lifecycle;

/// <summary><c>exit</c>: ends the process, with exit code 0 after <c>shutdown</c> and 1 without (as LSP asks).</summary>
internal sealed class ExitHandler(ServerState state, TaskCompletionSource<int> exit) : INotificationHandler<NoParams>
{
    /// <inheritdoc />
    public string Method => LspMethods.Exit;

    /// <inheritdoc />
    public Task HandleAsync(NoParams parameters)
    {
        exit.TrySetResult(state.ShutdownRequested ? 0 : 1);
        return Task.CompletedTask;
    }
}
