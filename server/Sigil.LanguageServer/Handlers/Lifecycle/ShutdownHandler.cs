using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Runs;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Handlers.Lifecycle;

/// <summary><c>shutdown</c>: cancels the runs going on and waits (up to 30 s) until their trials are stored; then only <c>exit</c> is accepted.</summary>
internal sealed class ShutdownHandler(ServerState state, RunRegistry runs) : IRequestHandler<NoParams, object?>
{
    /// <summary>How long shutdown waits for cancelled runs.</summary>
    public static readonly TimeSpan RunGrace = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public string Method => LspMethods.Shutdown;

    /// <inheritdoc />
    public async Task<object?> HandleAsync(NoParams parameters, CancellationToken ct)
    {
        state.ShutdownRequested = true;
        var running = runs.CancelAll();
        await Task.WhenAny(Task.WhenAll(running), Task.Delay(RunGrace, ct)).ConfigureAwait(false);
        return null;
    }
}
