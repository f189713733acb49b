namespace Sigil.LanguageServer.Hosting;

/// <summary>The handler of one JSON-RPC request method.</summary>
/// <typeparam name="TParams">Its params (an absent or null params object arrives as a new one).</typeparam>
/// <typeparam name="TResult">Its result.</typeparam>
internal interface IRequestHandler<in TParams, TResult>
    where TParams : class, new()
{
    /// <summary>The method name.</summary>
    string Method { get; }

    /// <summary>Answers a request; exceptions become JSON-RPC errors at the <see cref="RequestBoundary"/>.</summary>
    Task<TResult> HandleAsync(TParams parameters, CancellationToken ct);
}
