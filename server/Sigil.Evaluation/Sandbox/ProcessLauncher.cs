using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// Starts worker processes from one dedicated thread that lives as long as this process. bubblewrap's
/// <c>--die-with-parent</c> (PR_SET_PDEATHSIG) ties the worker's life to the <em>thread</em> that forked it, not to the
/// process: started from a thread-pool thread, a worker was killed (SIGKILL) whenever the pool retired that thread,
/// in the middle of a healthy candidate's evaluation (seen as "crashes" every few hundred evaluations).
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Queue = [];
    private static readonly Lazy<Thread> Launcher = new(() =>
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "Sigil worker launcher" };
        thread.Start();
        return thread;
    });

    /// <summary>Starts <paramref name="start"/> from the launcher thread.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static Process Start(ProcessStartInfo start)
    {
        _ = Launcher.Value;
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((start, started));
        return started.Task.GetAwaiter().GetResult();
    }

    private static void Run()
    {
        foreach (var (start, started) in Queue.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(start) ?? throw new InvalidOperationException("The process did not start."));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
