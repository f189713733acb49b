using Sigil.LanguageServer.Hosting;
using Sigil.Protocol.Runs;
using Sigil.Runs;

namespace Sigil.LanguageServer.Runs;

/// <summary>Run results and progress events as the protocol sends them.</summary>
internal static class RunSummaries
{
    /// <summary>A run's result.</summary>
    public static RunSummary From(RunResult result) => new()
    {
        Spec = result.Spec,
        Workspace = result.Workspace,
        Optimizer = result.Optimizer,
        Pins = [.. result.Pins.Select(p => new PinRunSummary
        {
            Pin = p.Pin,
            FunctionId = p.FunctionId,
            RunId = p.RunId,
            Trials = p.Trials,
            Resumed = p.Resumed,
            Evaluated = p.Evaluated,
            BaselineFitness = FiniteMetrics.Of(p.BaselineFitness),
            BestCandidate = p.BestCandidate,
            BestFitness = FiniteMetrics.Of(p.BestFitness),
            BestMetrics = FiniteMetrics.Of(p.BestMetrics),
            Accepted = p.Accepted,
            Verdict = p.Verdict,
            VisibleSamples = p.Samples.Visible,
            HoldoutSamples = p.Samples.Holdout,
            StopReason = p.StopReason,
        })],
        SpentUsd = result.SpentUsd,
        SpentTokens = result.SpentTokens,
        Isolation = result.Isolation,
        MaterializedFolder = result.MaterializedFolder,
    };

    /// <summary>A progress event.</summary>
    public static RunProgressDetail Detail(string token, RunProgress p) => new()
    {
        Token = token,
        Phase = p.Phase,
        Pin = p.Pin,
        PinIndex = p.PinIndex,
        PinCount = p.PinCount,
        Trial = p.Trial,
        Trials = p.Trials,
        BestFitness = p.BestFitness is { } f && double.IsFinite(f) ? f : null,
        SpentUsd = p.SpentUsd,
        SpentTokens = p.SpentTokens,
    };

    /// <summary>The share done, 0–100: finished pins plus this pin's trials.</summary>
    public static int Percentage(RunProgress p)
    {
        if (p.PinCount <= 0)
        {
            return 0;
        }
        var pin = p.Trials <= 0 ? 0 : Math.Clamp((double)p.Trial / p.Trials, 0, 1);
        return (int)Math.Clamp(Math.Floor(100 * (Math.Max(0, p.PinIndex - 1) + pin) / p.PinCount), 0, 100);
    }

    /// <summary>The report's message: <c>Kernels.Root(double) 7/20 best 1.84 — phase: message</c>.</summary>
    public static string Message(RunProgress p)
    {
        var best = p.BestFitness is { } f && double.IsFinite(f) ? $" best {f.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}" : "";
        return $"{p.Pin ?? "run"} {p.Trial}/{p.Trials}{best} — {p.Phase}: {p.Message}";
    }
}
