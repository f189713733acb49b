using System.Text.Json;

namespace Sigil.LanguageServer.Hosting;

/// <summary>
/// What StreamJsonRpc invokes for a request: the raw params object (read by <see cref="ParamsReader"/>), and the
/// handler run off the ordered dispatch (so a long request does not hold up the others), inside the
/// <see cref="RequestBoundary"/>.
/// </summary>
internal sealed class RequestBinding<TParams, TResult>(IRequestHandler<TParams, TResult> handler, RequestBoundary boundary)
    where TParams : class, new()
{
    /// <summary>Invoked by StreamJsonRpc.</summary>
    public Task<TResult> InvokeAsync(JsonElement? parameters = null, CancellationToken cancellationToken = default) =>
        boundary.RequestAsync(handler.Method, () =>
        {
            var read = ParamsReader.Read<TParams>(parameters, handler.Method);
            return Task.Run(() => handler.HandleAsync(read, cancellationToken), cancellationToken);
        }, cancellationToken);
}
