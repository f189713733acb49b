using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// Asks the client to ask for lenses again (<c>workspace/codeLens/refresh</c>) after the store or the tracker changed,
/// only when the client declared <c>workspace.codeLens.refreshSupport</c> (some clients answer MethodNotFound). The
/// solutions cache is invalidated either way; for a client that will be told to refresh, the store is read again
/// before it is told, so the lenses it then asks for do not wait for the store. Refreshes are sent one at a time.
/// </summary>
internal sealed class LensRefresher(ServerState state, SolutionsCache solutions, LanguageClient client, ServerLog log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Invalidates the cache and, when supported, reads the store again, sends a refresh and waits for the client's answer.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        solutions.Invalidate();
        if (!state.CodeLensRefresh)
        {
            return;
        }
        await WarmAsync().ConfigureAwait(false);
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

    /// <summary>
    /// Reads the project's store into the solutions cache on the thread pool (<see cref="SolutionsCache.Warm"/>: what
    /// is not cached already): at <c>initialized</c>, so the first lenses find the store open and its candidates read,
    /// and before a refresh, the rows of the pins shown. A failure is only logged: the lens request that needs the rows
    /// reads again and answers the error.
    /// </summary>
    public Task WarmAsync()
    {
        if (state.Project is not { } project)
        {
            return Task.CompletedTask;
        }
        return Task.Run(() =>
        {
            try
            {
                solutions.Warm(project);
            }
            catch (Exception e)
            {
                log.Info($"reading the workspace store for the lenses failed: {e.Message}");
            }
        });
    }
}
