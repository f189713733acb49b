using System.Globalization;
using Sigil.Runs;
using Spectre.Console;

namespace Sigil.Cli.Output;

/// <summary>
/// Shows a run's progress: a live bar per pin (trial n/N, best fitness, spend) on an interactive terminal, one line
/// per event on stderr otherwise (pipes, CI logs), nothing with <c>--json</c>.
/// </summary>
public static class RunProgressView
{
    /// <summary>Runs <paramref name="request"/> while showing its progress.</summary>
    public static async Task<RunResult> RunAsync(RunRequest request, bool json, CancellationToken ct)
    {
        var service = new RunService();
        if (json)
        {
            return await service.RunAsync(request, null, ct).ConfigureAwait(false);
        }
        if (!CliConsole.Out.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
        {
            return await service.RunAsync(request, new LineProgress(), ct).ConfigureAwait(false);
        }
        RunResult? result = null;
        await CliConsole.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                result = await service.RunAsync(request, new BarProgress(context), ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    /// <summary>The description of a progress event: <c>Kernels.Root(double) 7/20 best 1.84× $0.0123</c>.</summary>
    public static string Describe(RunProgress p)
    {
        var best = p.BestFitness is { } f ? $" best {f.ToString("0.###", CultureInfo.InvariantCulture)}" : "";
        var spend = p.SpentTokens > 0 ? $" {p.SpentTokens:N0} tok ${p.SpentUsd.ToString("0.####", CultureInfo.InvariantCulture)}" : "";
        return $"{p.Pin ?? "run"} {p.Trial}/{p.Trials}{best}{spend}";
    }

    private sealed class LineProgress : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => Console.Error.WriteLine($"[{value.Phase}] {Describe(value)} — {value.Message}");
    }

    private sealed class BarProgress(ProgressContext context) : IProgress<RunProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void Report(RunProgress value)
        {
            lock (_tasks)
            {
                var key = value.Pin ?? "run";
                if (!_tasks.TryGetValue(key, out var task))
                {
                    task = context.AddTask(Markup.Escape(key), maxValue: Math.Max(1, value.Trials));
                    _tasks[key] = task;
                }
                task.MaxValue = Math.Max(1, value.Trials);
                task.Value = Math.Min(value.Trial, value.Trials);
                task.Description = Markup.Escape($"{Describe(value)} · {value.Phase}");
                if (value.Phase == "done")
                {
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            }
        }
    }
}
