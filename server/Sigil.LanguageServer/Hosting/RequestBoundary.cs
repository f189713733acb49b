using Sigil.LanguageServer.State;
using Sigil.Protocol.Errors;
using Sigil.Protocol.Lsp;
using StreamJsonRpc;

namespace Sigil.LanguageServer.Hosting;

/// <summary>
/// The catch boundary every request and notification passes: refuses requests before <c>initialize</c> (-32002) and
/// after <c>shutdown</c> (-32600), turns exceptions into JSON-RPC errors (<see cref="ErrorMapper"/>), cancellation into
/// -32800, and never lets a failure reach StreamJsonRpc as anything but an error response. Notification failures are
/// logged, since they have no response.
/// </summary>
internal sealed class RequestBoundary(ServerState state, ServerLog log)
{
    /// <summary>Runs a request handler.</summary>
    public async Task<TResult> RequestAsync<TResult>(string method, Func<Task<TResult>> handler, CancellationToken ct)
    {
        Gate(method);
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (ct.IsCancellationRequested)
        {
            throw new LocalRpcException("The request was cancelled.", e)
            {
                ErrorCode = SigilErrorCodes.RequestCancelled,
                ErrorData = new SigilErrorData { Kind = "request-cancelled", Method = method },
            };
        }
        catch (LocalRpcException)
        {
            throw;
        }
        catch (Exception e)
        {
            var rpc = ErrorMapper.ToRpc(e, method);
            if (rpc.ErrorCode == SigilErrorCodes.InternalError)
            {
                log.Error($"{method} failed: {e}");
            }
            else
            {
                log.Info($"{method} answered {rpc.ErrorCode}: {rpc.Message}");
            }
            throw rpc;
        }
    }

    /// <summary>Runs a notification handler; failures are logged (and sent as <c>window/logMessage</c>).</summary>
    public async Task NotifyAsync(string method, Func<Task> handler)
    {
        if (!state.Initialized && method != LspMethods.Exit)
        {
            log.Info($"{method} before initialize: ignored");
            return;
        }
        try
        {
            await handler().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var (code, _, message, _) = ErrorMapper.Classify(e);
            if (code == SigilErrorCodes.InternalError)
            {
                log.Error($"{method} failed: {e}");
            }
            else
            {
                log.Warn($"{method}: {message}");
            }
        }
    }

    private void Gate(string method)
    {
        if (method == LspMethods.Initialize)
        {
            if (state.Initialized)
            {
                throw new LocalRpcException("The server is already initialized; send 'initialize' once per connection.")
                {
                    ErrorCode = SigilErrorCodes.InvalidRequest,
                    ErrorData = new SigilErrorData { Kind = "already-initialized", Method = method },
                };
            }
            return;
        }
        if (!state.Initialized)
        {
            throw new LocalRpcException($"'{method}' came before 'initialize'; send 'initialize' first.")
            {
                ErrorCode = SigilErrorCodes.ServerNotInitialized,
                ErrorData = new SigilErrorData { Kind = "server-not-initialized", Method = method },
            };
        }
        if (state.ShutdownRequested)
        {
            throw new LocalRpcException($"'{method}' came after 'shutdown'; only 'exit' is accepted now.")
            {
                ErrorCode = SigilErrorCodes.InvalidRequest,
                ErrorData = new SigilErrorData { Kind = "shutting-down", Method = method },
            };
        }
    }
}
