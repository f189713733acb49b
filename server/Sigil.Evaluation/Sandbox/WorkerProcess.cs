using System.Diagnostics;
using System.Text.Json;
using Sigil.Evaluation.Sandbox.Protocol;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// One worker process and its protocol streams. Every exchange has a deadline; any failure (deadline passed, the
/// process died, something other than the protocol on its stdout) kills the whole process tree and is thrown as a
/// <see cref="WorkerFailedException"/> with its class, so the pool can replace the worker.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(3);
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly StderrCapture _stderr;
    private long _nextId;

    private WorkerProcess(Process process, string appDirectory)
    {
        _process = process;
        AppDirectory = appDirectory;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        _stderr = new StderrCapture(process.StandardError.BaseStream);
    }

    /// <summary>The app directory this worker can see (fixed at launch: it is bound into the sandbox).</summary>
    public string AppDirectory { get; }

    /// <summary>What the worker reported at start-up.</summary>
    public WorkerHello Hello { get; private set; } = new();

    /// <summary>How long the worker took from launch to ready.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The contexts prepared in this worker (a hint: the worker may have dropped one, and says so).</summary>
    public HashSet<string> PreparedContexts { get; } = [];

    /// <summary>Set when the worker should be replaced before its next job (it ran out of memory, or keeps old candidates alive).</summary>
    public bool MustRecycle { get; set; }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>Starts a worker and waits for its ready message.</summary>
    /// <exception cref="SandboxUnavailableException">The worker does not start or is not ready in time.</exception>
    public static async Task<WorkerProcess> StartAsync(WorkerLaunch launch, string appDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        Process process;
        try
        {
            process = ProcessLauncher.Start(launch.For(appDirectory));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new SandboxUnavailableException($"The worker could not be started ({launch.Dotnet} {launch.WorkerPath}): {e.Message}", e);
        }

        var worker = new WorkerProcess(process, appDirectory);
        try
        {
            var ready = await worker.ReadAsync(timeout, $"it was not ready within {Format(timeout)}", cancellationToken).ConfigureAwait(false);
            if (ready.Type != WorkerMessageTypes.Ready || ready.Hello is null)
                throw new WorkerFailedException(SandboxErrorClass.ProtocolViolation, $"The worker's first message was '{ready.Type}', not ready.", null);
            worker.Hello = ready.Hello;
            worker.StartupTime = watch.Elapsed;
            return worker;
        }
        catch (WorkerFailedException e)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            var reason = e.ErrorClass switch
            {
                SandboxErrorClass.Timeout => e.Message,
                SandboxErrorClass.ProtocolViolation => "its first output was not the sandbox protocol: " + e.InnerMessage,
                _ => "it exited before it was ready",
            };
            var detail = string.IsNullOrWhiteSpace(e.Diagnostics) ? "" : " Its stderr: " + e.Diagnostics.Trim();
            throw new SandboxUnavailableException(
                $"The sandbox worker did not start ({launch.Dotnet} {launch.WorkerPath}; {launch.Isolation.Summary}): {reason}.{detail}", e);
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> (its id is assigned here) and returns the answer.</summary>
    /// <exception cref="WorkerFailedException">The worker failed; it has been killed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the worker has been killed.</exception>
    public async Task<WorkerResponse> ExchangeAsync(Func<long, WorkerRequest> request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var body = ProtocolJson.Serialize(request(id));
        var deadline = Stopwatch.StartNew();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await FrameCodec.WriteAsync(_input, body, timeoutSource.Token).WaitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (IOException)
        {
            throw await DiedAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new WorkerFailedException(SandboxErrorClass.Timeout, TimedOut(timeout), _stderr.Text);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        var response = await ReadAsync(timeout - deadline.Elapsed, TimedOut(timeout), cancellationToken).ConfigureAwait(false);
        if (response.Id != id)
        {
            Kill();
            throw new WorkerFailedException(SandboxErrorClass.ProtocolViolation,
                $"The worker answered request {response.Id} ('{response.Type}') while request {id} was running: something wrote to the sandbox's protocol stream.", _stderr.Text);
        }

        return response;
    }

    /// <summary>Reads one message within <paramref name="timeout"/>; an unasked "exiting" message becomes <see cref="SandboxErrorClass.Exited"/>.</summary>
    private async Task<WorkerResponse> ReadAsync(TimeSpan timeout, string timeoutMessage, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            Kill();
            throw new WorkerFailedException(SandboxErrorClass.Timeout, timeoutMessage, _stderr.Text);
        }

        byte[]? frame;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            // WaitAsync: the deadline holds even if a pipe read ignores cancellation.
            frame = await FrameCodec.ReadAsync(_output, FrameCodec.MaxResponseBytes, timeoutSource.Token).WaitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new WorkerFailedException(SandboxErrorClass.Timeout, timeoutMessage, _stderr.Text);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
        catch (InvalidDataException e)
        {
            Kill();
            throw ProtocolViolation(e.Message);
        }
        catch (IOException)
        {
            throw await DiedAsync().ConfigureAwait(false);
        }

        if (frame is null) throw await DiedAsync().ConfigureAwait(false);
        WorkerResponse response;
        try
        {
            response = ProtocolJson.Deserialize<WorkerResponse>(frame);
        }
        catch (JsonException e)
        {
            Kill();
            throw ProtocolViolation("a frame is not a protocol message: " + e.Message);
        }

        if (response.Type == WorkerMessageTypes.Exiting)
        {
            await WaitForExitAsync().ConfigureAwait(false);
            throw new WorkerFailedException(SandboxErrorClass.Exited,
                $"The candidate ended the worker process (Environment.Exit({response.ExitCode ?? 0})); the sandbox replaced it.", _stderr.Text);
        }

        return response;
    }

    private WorkerFailedException ProtocolViolation(string detail) =>
        new(SandboxErrorClass.ProtocolViolation,
            $"Something other than the sandbox protocol came out of the worker ({detail}): the candidate wrote to the protocol stream. The worker was stopped.",
            _stderr.Text) { InnerMessage = detail };

    /// <summary>The worker's output ended: waits for the process and classifies its death from its exit status and stderr.</summary>
    private async Task<WorkerFailedException> DiedAsync()
    {
        await WaitForExitAsync().ConfigureAwait(false);
        var stderr = _stderr.Text;
        var code = HasExited ? _process.ExitCode : -1;
        if (stderr.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
            return new WorkerFailedException(SandboxErrorClass.StackOverflow,
                "The candidate overflowed the stack (unbounded or too deep recursion); the worker process died and was replaced.", stderr);
        if (stderr.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase) || stderr.Contains("out of memory", StringComparison.OrdinalIgnoreCase))
            return new WorkerFailedException(SandboxErrorClass.OutOfMemory,
                "The candidate ran out of memory and the worker process died; it was replaced.", stderr);
        var signal = code > 128 && code < 160 ? $" (signal {code - 128}{SignalName(code - 128)})" : "";
        var first = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return new WorkerFailedException(SandboxErrorClass.Crash,
            $"The worker process crashed while running the candidate: exit code {code}{signal}" + (first is null ? "." : $": {first}"), stderr);
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => ", SIGABRT",
        9 => ", SIGKILL",
        11 => ", SIGSEGV",
        25 => ", SIGXFSZ: a file grew past the sandbox's limit",
        _ => "",
    };

    private async Task WaitForExitAsync()
    {
        using var grace = new CancellationTokenSource(ExitGrace);
        try
        {
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }

        try
        {
            await _stderr.Completion.WaitAsync(ExitGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A grandchild still holds stderr open: what was read is enough.
        }
    }

    /// <summary>Kills the process and everything it started, at once.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    /// <summary>Kills the worker and waits for it to be gone.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(ExitGrace).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            // Leave it to the OS.
        }

        _process.Dispose();
    }

    internal static string TimedOut(TimeSpan limit) =>
        $"The candidate ran past the {Format(limit)} limit and was stopped (the worker was killed and replaced).";

    /// <summary>"30 s", "2 s", "1.5 s", "250 ms".</summary>
    internal static string Format(TimeSpan span) =>
        span.TotalSeconds >= 1
            ? span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s"
            : span.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}
