using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sigil.Benchmarks.Pipeline;

namespace Sigil.Benchmarks.Lsp;

/// <summary>
/// The real <c>sigil-lsp</c> process (the Release build: server/Sigil.LanguageServer/bin/Release/net10.0/sigil-lsp.dll)
/// driven over its stdio as an editor does: LSP <c>Content-Length</c> framing written and read here byte by byte
/// (no JSON-RPC library on the client side, so nothing but the pipe and the server is timed). One dedicated thread
/// reads what the server sends: responses complete their request (the round trip is timed from just before the
/// request's bytes are written to just after the response's last byte is read, on that thread), server requests
/// (<c>workspace/codeLens/refresh</c>, <c>window/workDoneProgress/create</c>) are answered <c>null</c> at once, as an
/// editor does, and notifications are counted.
/// </summary>
internal sealed class LspConnection : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly Process _process;
    private readonly Stream _toServer;
    private readonly Stream _fromServer;
    private readonly Lock _writeGate = new();
    private readonly ConcurrentDictionary<long, (TaskCompletionSource<LspResponse> Completion, long SentAt)> _pending = new();
    private readonly ConcurrentDictionary<string, int> _notifications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _diagnosticCounts = new(StringComparer.Ordinal);
    private readonly StringBuilder _stderr = new();
    private readonly Thread _reader;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private long _nextId;
    private int _refreshes;
    private TaskCompletionSource _refreshed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LspConnection(Process process, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
        _toServer = process.StandardInput.BaseStream;
        _fromServer = process.StandardOutput.BaseStream;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    if (_stderr.Length < 1 << 20)
                    {
                        _stderr.AppendLine(e.Data);
                    }
                }
            }
        };
        _process.BeginErrorReadLine();
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-client-reader" };
        _reader.Start();
    }

    /// <summary>The Release build of the server.</summary>
    public static string ServerDll
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("SIGIL_LSP_DLL") is { Length: > 0 } custom
                ? custom
                : Path.Combine(QuickStartPipeline.RepositoryRoot, "server", "Sigil.LanguageServer", "bin", "Release", "net10.0", "sigil-lsp.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: run 'dotnet build server/Sigil.LanguageServer -c Release'.");
        }
    }

    /// <summary>When the process was started (<see cref="Stopwatch.GetTimestamp"/>, taken just before <see cref="Process.Start()"/>).</summary>
    public long StartedAt { get; }

    /// <summary>The server's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the server logged on stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>How many <c>workspace/codeLens/refresh</c> requests the server sent.</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>The notifications received, by method.</summary>
    public IReadOnlyDictionary<string, int> Notifications => _notifications;

    /// <summary>The number of diagnostics of the latest <c>publishDiagnostics</c> of each URI.</summary>
    public IReadOnlyDictionary<string, int> DiagnosticCounts => _diagnosticCounts;

    /// <summary>Starts <c>dotnet sigil-lsp.dll</c> in <paramref name="workingDirectory"/>.</summary>
    public static LspConnection Start(string workingDirectory, string? serverDll = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll ?? ServerDll);
        start.Environment["OPENAI_BASE_URL"] = "";
        var startedAt = Stopwatch.GetTimestamp();
        return new LspConnection(Process.Start(start)!, startedAt);
    }

    /// <summary>Sends a request and waits for its response (60 s at most).</summary>
    public async Task<LspResponse> RequestAsync(string method, object? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<LspResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id, method, @params = parameters }, Json);
        lock (_writeGate)
        {
            _pending[id] = (completion, Stopwatch.GetTimestamp());
            WriteFramed(body);
        }
        var finished = await Task.WhenAny(completion.Task, Task.Delay(TimeSpan.FromSeconds(60))).ConfigureAwait(false);
        if (finished != completion.Task)
        {
            throw new InvalidOperationException($"{method} got no answer in 60 s; server stderr:\n{Stderr}");
        }
        return await completion.Task.ConfigureAwait(false);
    }

    /// <summary>Sends a notification.</summary>
    public void Notify(string method, object? parameters)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", method, @params = parameters }, Json);
        lock (_writeGate)
        {
            WriteFramed(body);
        }
    }

    /// <summary><c>initialize</c> on <paramref name="folder"/> (as VS Code does: workspace folder, refresh and progress support), then <c>initialized</c>.</summary>
    public async Task<LspResponse> InitializeAsync(string folder)
    {
        var uri = new Uri(folder).AbsoluteUri;
        var response = await RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            clientInfo = new { name = "sigil-lsp-bench" },
            rootUri = uri,
            workspaceFolders = new[] { new { uri, name = Path.GetFileName(folder) } },
            capabilities = new
            {
                workspace = new { codeLens = new { refreshSupport = true } },
                window = new { workDoneProgress = true },
                textDocument = new { codeLens = new { dynamicRegistration = false } },
            },
        }).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            throw new InvalidOperationException("initialize failed: " + error);
        }
        Notify("initialized", new { });
        return response;
    }

    /// <summary><c>textDocument/didOpen</c> of a C# file.</summary>
    public void Open(string uri, string text, int version = 1) =>
        Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "csharp", version, text } });

    /// <summary><c>textDocument/didChange</c> with the whole text (the server asks for full sync).</summary>
    public void Change(string uri, string text, int version) =>
        Notify("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text } } });

    /// <summary><c>textDocument/codeLens</c>.</summary>
    public Task<LspResponse> CodeLensAsync(string uri) => RequestAsync("textDocument/codeLens", new { textDocument = new { uri } });

    /// <summary>Completes at the next <c>workspace/codeLens/refresh</c> the server sends after this call.</summary>
    public Task NextRefresh()
    {
        lock (_writeGate)
        {
            return _refreshed.Task;
        }
    }

    /// <summary>The command lines of the server's child processes (it should start none to show lenses).</summary>
    public IReadOnlyList<string> ChildProcesses()
    {
        var children = new List<string>();
        try
        {
            foreach (var task in System.IO.Directory.GetDirectories($"/proc/{_process.Id}/task"))
            {
                foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var cmdline = File.ReadAllText($"/proc/{child}/cmdline").Replace('\0', ' ').Trim();
                    children.Add($"{child}: {cmdline}");
                }
            }
        }
        catch (IOException)
        {
            // The process or a child ended meanwhile.
        }
        return children;
    }

    /// <summary>shutdown then exit; the exit code (or -1 when it had to be killed).</summary>
    public async Task<int> ShutdownAsync()
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }
        try
        {
            var shutdown = RequestAsync("shutdown", null);
            if (await Task.WhenAny(shutdown, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false) == shutdown)
            {
                Notify("exit", null);
            }
        }
        catch (IOException)
        {
            // Gone already.
        }
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
            return -1;
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await ShutdownAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private void WriteFramed(byte[] body)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        _toServer.Write(header);
        _toServer.Write(body);
        _toServer.Flush();
    }

    private void ReadLoop()
    {
        try
        {
            while (ReadMessage() is { } message)
            {
                var (body, receivedAt) = message;
                Dispatch(body, receivedAt);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The server ended.
        }
        foreach (var (_, pending) in _pending)
        {
            pending.Completion.TrySetException(new InvalidOperationException("the server closed its output; stderr:\n" + Stderr));
        }
    }

    private void Dispatch(byte[] body, long receivedAt)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var hasMethod = root.TryGetProperty("method", out var method);
        var hasId = root.TryGetProperty("id", out var id);
        if (!hasMethod && hasId && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt64(), out var pending))
        {
            var result = root.TryGetProperty("result", out var r) ? r.Clone() : default;
            JsonElement? error = root.TryGetProperty("error", out var e) ? e.Clone() : null;
            pending.Completion.TrySetResult(new LspResponse(result, error, Stopwatch.GetElapsedTime(pending.SentAt, receivedAt).TotalMilliseconds, receivedAt));
            return;
        }
        if (!hasMethod)
        {
            return;
        }
        var name = method.GetString() ?? "";
        if (hasId)
        {
            // A server request: answered at once, as an editor does.
            var answer = JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id = id.Clone(), result = (object?)null });
            lock (_writeGate)
            {
                WriteFramed(answer);
                if (name == "workspace/codeLens/refresh")
                {
                    Interlocked.Increment(ref _refreshes);
                    var refreshed = _refreshed;
                    _refreshed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    refreshed.SetResult();
                }
            }
            return;
        }
        _notifications.AddOrUpdate(name, 1, (_, n) => n + 1);
        if (name == "textDocument/publishDiagnostics" && root.TryGetProperty("params", out var parameters))
        {
            _diagnosticCounts[parameters.GetProperty("uri").GetString() ?? ""] = parameters.GetProperty("diagnostics").GetArrayLength();
        }
    }

    /// <summary>The next message's body and when its last byte was read, or null at end of output.</summary>
    private (byte[] Body, long ReceivedAt)? ReadMessage()
    {
        var length = -1;
        while (true)
        {
            var line = ReadLine();
            if (line is null)
            {
                return null;
            }
            if (line.Length == 0)
            {
                if (length >= 0)
                {
                    break;
                }
                continue;
            }
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            if (_start == _end && !Fill())
            {
                return null;
            }
            var n = Math.Min(length - read, _end - _start);
            Buffer.BlockCopy(_buffer, _start, body, read, n);
            _start += n;
            read += n;
        }
        return (body, Stopwatch.GetTimestamp());
    }

    private string? ReadLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !Fill())
            {
                return null;
            }
            var b = _buffer[_start++];
            if (b == (byte)'\n')
            {
                return line.ToString().TrimEnd('\r');
            }
            line.Append((char)b);
        }
    }

    private bool Fill()
    {
        _start = 0;
        _end = _fromServer.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }
}
