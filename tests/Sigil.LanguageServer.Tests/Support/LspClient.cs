using System.Text.Json;
using System.Text.Json.Serialization;

using StreamJsonRpc;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>
/// A real LSP client over the server's stdio: StreamJsonRpc with Content-Length framing and System.Text.Json, as any C#
/// client talks to it. Records what the server sends (<see cref="Events"/>) and answers its requests.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly List<ClientEvent> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LspClient(ServerProcess server)
    {
        Server = server;
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        Rpc = new ClientRpc(new HeaderDelimitedMessageHandler(server.Input, server.Output, formatter))
        {
            // Like editors, handle what the server sends in the order it was sent.
            SynchronizationContext = new Microsoft.VisualStudio.Threading.NonConcurrentSynchronizationContext(sticky: false),
        };
        Rpc.AddLocalRpcTarget(new ClientCallbacks(Record), new JsonRpcTargetOptions { AllowNonPublicInvocation = false });
        Rpc.StartListening();
    }

    public ServerProcess Server { get; }

    public JsonRpc Rpc { get; }

    /// <summary>What the server sent so far.</summary>
    public IReadOnlyList<ClientEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Starts a server in <paramref name="workingDirectory"/> and connects (not initialized).</summary>
    public static LspClient Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        new(ServerProcess.Start(workingDirectory, environment));

    /// <summary>Starts a server and initializes it on <paramref name="folder"/> with the given client capabilities.</summary>
    public static async Task<(LspClient Client, JsonElement Result)> StartInitializedAsync(
        string folder, bool refreshSupport = true, bool workDoneProgress = true, IReadOnlyDictionary<string, string>? environment = null)
    {
        var client = Start(folder, environment);
        var result = await client.RequestAsync<JsonElement>("initialize", new
        {
            processId = Environment.ProcessId,
            clientInfo = new { name = "sigil-lsp-tests" },
            rootUri = new Uri(folder).AbsoluteUri,
            workspaceFolders = new[] { new { uri = new Uri(folder).AbsoluteUri, name = Path.GetFileName(folder) } },
            capabilities = new
            {
                workspace = new { codeLens = new { refreshSupport } },
                window = new { workDoneProgress },
            },
        });
        await client.NotifyAsync("initialized", new { });
        return (client, result);
    }

    public async Task<T> RequestAsync<T>(string method, object? parameters, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout * 3);
        try
        {
            return await Rpc.InvokeWithParameterObjectAsync<T>(method, parameters, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AssertFailedException($"{method} got no answer in {Timeout * 3}\n{Server.Stderr}");
        }
    }

    public Task NotifyAsync(string method, object? parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    /// <summary>The error a request is answered with; fails when it succeeds.</summary>
    public async Task<RemoteRpcException> ErrorAsync(string method, object? parameters, int expectedCode)
    {
        try
        {
            var result = await RequestAsync<JsonElement>(method, parameters);
            throw new AssertFailedException($"{method} succeeded with {result}; expected error {expectedCode}");
        }
        catch (RemoteRpcException e)
        {
            Assert.AreEqual(expectedCode, (int)(e.ErrorCode ?? 0), $"{method}: {e.Message}");
            return e;
        }
    }

    /// <summary>Opens a document.</summary>
    public Task OpenAsync(string uri, string text, string languageId = "csharp", int version = 1) =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId, version, text } });

    /// <summary>Replaces a document's text (full sync).</summary>
    public Task ChangeAsync(string uri, string text, int version) =>
        NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text } } });

    /// <summary>The lenses of a document.</summary>
    public async Task<IReadOnlyList<Lens>> LensesAsync(string uri)
    {
        var lenses = await RequestAsync<JsonElement>("textDocument/codeLens", new { textDocument = new { uri } });
        return [.. lenses.EnumerateArray().Select(l => new Lens(
            l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(),
            l.GetProperty("command").GetProperty("title").GetString()!,
            l.GetProperty("command").GetProperty("command").GetString()!,
            l.GetProperty("command").TryGetProperty("arguments", out var a) ? a : default))];
    }

    /// <summary>The events of one method.</summary>
    public IReadOnlyList<JsonElement> Received(string method) => [.. Events.Where(e => e.Method == method).Select(e => e.Params)];

    /// <summary>The params of the first event of <paramref name="method"/> that <paramref name="predicate"/> accepts, once it came.</summary>
    public Task<JsonElement> WaitForEventAsync(string method, Func<JsonElement, bool>? predicate = null, TimeSpan? timeout = null) =>
        WaitForAsync(events => events.Where(e => e.Method == method && (predicate is null || predicate(e.Params))).Select(e => (JsonElement?)e.Params).FirstOrDefault(),
            method, timeout);

    /// <summary>Waits until <paramref name="probe"/> finds something among the events.</summary>
    public async Task<T> WaitForAsync<T>(Func<IReadOnlyList<ClientEvent>, T?> probe, string what, TimeSpan? timeout = null)
        where T : struct
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (probe(_events) is { } found)
                {
                    return found;
                }
                changed = _changed.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new AssertFailedException($"timed out waiting for {what}; events: {string.Join(", ", Events.Select(e => e.Method))}\n{Server.Stderr}");
            }
            await Task.WhenAny(changed, Task.Delay(remaining));
        }
    }

    /// <summary>shutdown then exit; the process's exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        await RequestAsync<JsonElement?>("shutdown", null);
        await NotifyAsync("exit", null);
        return Server.WaitForExit(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!Server.Process.HasExited)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Rpc.InvokeWithParameterObjectAsync<JsonElement?>("shutdown", null, quick.Token);
                await Rpc.NotifyWithParameterObjectAsync("exit", null);
                Server.Process.WaitForExit(5000);
            }
        }
        catch (Exception)
        {
            // Killed below.
        }
        Rpc.Dispose();
        Server.Dispose();
    }

    private void Record(string method, JsonElement parameters)
    {
        lock (_gate)
        {
            _events.Add(new ClientEvent(method, parameters.ValueKind == JsonValueKind.Undefined ? default : parameters.Clone(), DateTime.UtcNow));
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
        }
    }
}
