using System.Text.Json.Serialization;
using Microsoft.VisualStudio.Threading;
using Sigil.LanguageServer.Diagnostics;
using Sigil.LanguageServer.Handlers.Candidates;
using Sigil.LanguageServer.Handlers.Compare;
using Sigil.LanguageServer.Handlers.Documents;
using Sigil.LanguageServer.Handlers.Lenses;
using Sigil.LanguageServer.Handlers.Lifecycle;
using Sigil.LanguageServer.Handlers.Manifests;
using Sigil.LanguageServer.Handlers.Runs;
using Sigil.LanguageServer.Handlers.Scores;
using Sigil.LanguageServer.Handlers.Tracker;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.Runs;
using Sigil.LanguageServer.State;
using StreamJsonRpc;

namespace Sigil.LanguageServer.Hosting;

/// <summary>
/// The composition root: one JSON-RPC connection over the given streams (<see cref="LspMessageHandler"/>, System.Text.Json),
/// every handler registered by its method name, dispatch in arrival order (a <see cref="NonConcurrentSynchronizationContext"/>:
/// notifications run to completion in order; requests then continue off it). Runs until <c>exit</c> or end of input.
/// </summary>
internal sealed class ServerHost
{
    private readonly JsonRpc _rpc;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StoreWatcher _watcher;
    private readonly RunRegistry _runs = new();
    private readonly ServerLog _log;

    public ServerHost(Stream input, Stream output, ServerLog log)
    {
        _log = log;
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // A stray NaN must not turn an answer into a serialization error; metrics are filtered (FiniteMetrics) anyway.
        formatter.JsonSerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        _rpc = new JsonRpc(new LspMessageHandler(input, output, formatter, log))
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        var client = new LanguageClient(_rpc);
        log.Connect(client.LogAsync);

        var state = new ServerState();
        var boundary = new RequestBoundary(state, log);
        var documents = new DocumentStore();
        var solutions = new SolutionsCache();
        var refresher = new LensRefresher(state, solutions, client, log);
        _watcher = new StoreWatcher(refresher);
        var diagnostics = new DiagnosticsPublisher(state, client, log);
        var launcher = new RunLauncher(state, _runs, client, refresher, log);

        var runStart = new RunStartHandler(launcher);
        var candidatesList = new CandidatesListHandler(state);
        var trackerStart = new TrackerStartHandler(state, refresher);
        var trackerStop = new TrackerStopHandler(state, refresher);

        Request(new InitializeHandler(state, log), boundary);
        Notification(new InitializedHandler(state, _watcher, diagnostics), boundary);
        Request(new ShutdownHandler(state, _runs), boundary);
        Notification(new ExitHandler(state, _exit), boundary);
        Notification(new DidOpenHandler(documents, diagnostics), boundary);
        Notification(new DidChangeHandler(documents, diagnostics, log), boundary);
        Notification(new DidCloseHandler(documents, diagnostics), boundary);
        Request(new CodeLensHandler(documents, new LensBuilder(state, solutions)), boundary);
        Request(new ExecuteCommandHandler(state, runStart, candidatesList, trackerStart, trackerStop), boundary);
        Request(candidatesList, boundary);
        Request(new CandidateDiffHandler(state), boundary);
        Request(new ScoresHistoryHandler(state), boundary);
        Request(runStart, boundary);
        Request(new RunCancelHandler(_runs), boundary);
        Notification(new WorkDoneProgressCancelHandler(_runs, log), boundary);
        Request(new CompareRunHandler(state, refresher, client, log), boundary);
        Request(new PromoteHandler(state, diagnostics, new Sigil.Trust.Artifacts.ProjectArtifactCompiler()), boundary);
        Request(new VerifyHandler(state), boundary);
        Request(new PublishHandler(state, client, log), boundary);
        Request(trackerStart, boundary);
        Request(trackerStop, boundary);
        Request(new TrackerStatusHandler(state), boundary);
    }

    /// <summary>Serves until <c>exit</c> (its exit code) or the end of input (1 without shutdown, as for exit).</summary>
    public async Task<int> RunAsync()
    {
        _rpc.StartListening();
        var ended = await Task.WhenAny(_exit.Task, _rpc.Completion).ConfigureAwait(false);
        var code = ended == _exit.Task ? _exit.Task.Result : 1;
        foreach (var run in _runs.CancelAll())
        {
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
        }
        _watcher.Dispose();
        _log.Info($"exiting with code {code}");
        return code;
    }

    private void Request<TParams, TResult>(IRequestHandler<TParams, TResult> handler, RequestBoundary boundary)
        where TParams : class, new()
    {
        var binding = new RequestBinding<TParams, TResult>(handler, boundary);
        _rpc.AddLocalRpcMethod(
            typeof(RequestBinding<TParams, TResult>).GetMethod(nameof(RequestBinding<TParams, TResult>.InvokeAsync))!,
            binding,
            new JsonRpcMethodAttribute(handler.Method) { UseSingleObjectParameterDeserialization = true });
    }

    private void Notification<TParams>(INotificationHandler<TParams> handler, RequestBoundary boundary)
        where TParams : class, new()
    {
        var binding = new NotificationBinding<TParams>(handler, boundary);
        _rpc.AddLocalRpcMethod(
            typeof(NotificationBinding<TParams>).GetMethod(nameof(NotificationBinding<TParams>.InvokeAsync))!,
            binding,
            new JsonRpcMethodAttribute(handler.Method) { UseSingleObjectParameterDeserialization = true });
    }
}
