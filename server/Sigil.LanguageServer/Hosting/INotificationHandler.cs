namespace Sigil.LanguageServer.Hosting;

/// <summary>The handler of one JSON-RPC notification method (handled in arrival order).</summary>
/// <typeparam name="TParams">Its params (an absent or null params object arrives as a new one).</typeparam>
internal interface INotificationHandler<in TParams>
    where TParams : class, new()
{
    /// <summary>The method name.</summary>
    string Method { get; }

    /// <summary>Handles a notification; failures are logged at the <see cref="RequestBoundary"/>.</summary>
    Task HandleAsync(TParams parameters);
}
