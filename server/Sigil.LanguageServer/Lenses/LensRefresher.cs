using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// Asks the client to ask for lenses again (<c>workspace/codeLens/refresh</c>) after the store or the tracker changed,
/// only when the client declared <c>workspace.codeLens.refreshSupport</c> (some clients answer MethodNotFound). The
/// solutions cache is invalidated either way. Refreshes are sent one at a time.
/// </summary>
internal sealed class LensRefresher(ServerState state, SolutionsCache solutions, LanguageClient client, ServerLog log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Invalidates the cache and, when supported, sends a refresh and waits for the client's answer.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        solutions.Invalidate();
        if (!state.CodeLensRefresh)
        {
            return;
        }
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await client.RequestAsync(LspMethods.CodeLensRefresh, null, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Info($"workspace/codeLens/refresh failed: {e.Message}");
        }
        finally
        {
            _gate.Release();
        }
    }
}
