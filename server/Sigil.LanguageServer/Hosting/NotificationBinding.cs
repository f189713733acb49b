using System.Text.Json;

namespace Sigil.LanguageServer.Hosting;

/// <summary>
/// What StreamJsonRpc invokes for a notification: runs the handler on the ordered dispatch, so document changes are
/// applied in the order they were sent and before any request sent after them.
/// </summary>
internal sealed class NotificationBinding<TParams>(INotificationHandler<TParams> handler, RequestBoundary boundary)
    where TParams : class, new()
{
    /// <summary>Invoked by StreamJsonRpc.</summary>
    public Task InvokeAsync(JsonElement? parameters = null) =>
        boundary.NotifyAsync(handler.Method, () => handler.HandleAsync(ParamsReader.Read<TParams>(parameters, handler.Method)));
}
