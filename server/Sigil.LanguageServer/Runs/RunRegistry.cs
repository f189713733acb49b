using System.Collections.Concurrent;
using Sigil.LanguageServer.Hosting;
using Sigil.Protocol.Errors;

namespace Sigil.LanguageServer.Runs;

/// <summary>The runs of this server by token: at most one at a time per spec and workspace (they write the same run log).</summary>
internal sealed class RunRegistry
{
    private readonly ConcurrentDictionary<string, RunEntry> _runs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Registers a new run.</summary>
    /// <exception cref="RequestException">The token is taken, or a run of the same spec and workspace is going on.</exception>
    public RunEntry Add(string token, string spec, string workspace)
    {
        lock (_gate)
        {
            if (_runs.Values.FirstOrDefault(r => r.Running && r.Spec == spec && r.Workspace == workspace) is { } busy)
            {
                throw new RequestException(SigilErrorCodes.RunBusy, "run-busy",
                    $"A run of spec '{spec}' in workspace '{workspace}' is going on (token {busy.Token}); wait for it or cancel it with sigil/run/cancel.");
            }
            if (_runs.ContainsKey(token))
            {
                throw RequestException.InvalidParams($"The run token '{token}' was used before; give a new workDoneToken.");
            }
            var entry = new RunEntry(token, spec, workspace);
            _runs[token] = entry;
            return entry;
        }
    }

    /// <summary>The run with this token, or null.</summary>
    public RunEntry? Get(string token) => _runs.GetValueOrDefault(token);

    /// <summary>Cancels every run going on (at shutdown).</summary>
    public IReadOnlyList<Task> CancelAll()
    {
        var running = _runs.Values.Where(r => r.Running).ToList();
        foreach (var run in running)
        {
            run.Cancellation.Cancel();
        }
        return [.. running.Select(r => (Task)r.Finished)];
    }
}
