using System.Globalization;

namespace Sigil.Benchmarks.Lsp;

/// <summary>The options of <c>--lsp-latency</c> (<see cref="LensLatency"/>).</summary>
internal sealed record LspLatencyOptions
{
    public const string Usage = "usage: --lsp-latency [--files N=500] [--open K=10] [--rounds R=100] [--keystrokes M=300] "
        + "[--store-changes S=10] [--cold-runs C=10] [--store empty|filled|both=both] [--candidates-per-pin N=4] [--keep]";

    /// <summary>C# files generated (a pin in every tenth).</summary>
    public int Files { get; init; } = 500;

    /// <summary>Pinned documents opened in the warm server.</summary>
    public int Open { get; init; } = 10;

    /// <summary>Rounds of one codeLens per open document (and the baselines), on the warm server.</summary>
    public int Rounds { get; init; } = 100;

    /// <summary>Keystrokes typed (each a didChange with the whole text, then a codeLens of that document).</summary>
    public int Keystrokes { get; init; } = 300;

    /// <summary>Changes made to the store by another process (filled store only), each followed by the refresh and a codeLens per open document.</summary>
    public int StoreChanges { get; init; } = 10;

    /// <summary>Fresh server processes started for the start-to-first-lens figure.</summary>
    public int ColdRuns { get; init; } = 10;

    /// <summary>Measure with an empty <c>.sigil/</c>, with a filled store, or both.</summary>
    public string Store { get; init; } = "both";

    /// <summary>Candidates stored per pin in the filled store.</summary>
    public int CandidatesPerPin { get; init; } = GeneratedSolution.CandidatesPerPin;

    /// <summary>Keep the generated solutions (their folders are printed).</summary>
    public bool Keep { get; init; }

    /// <summary>The options, or null (after printing why) when an argument is not understood.</summary>
    public static LspLatencyOptions? Parse(IReadOnlyList<string> args, TextWriter log)
    {
        var options = new LspLatencyOptions();
        for (var i = 0; i < args.Count; i++)
        {
            int Next() => i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0
                ? n
                : throw new FormatException($"{args[i - 1]} needs a number");
            try
            {
                options = args[i] switch
                {
                    "--files" => options with { Files = Next() },
                    "--open" => options with { Open = Next() },
                    "--rounds" => options with { Rounds = Next() },
                    "--keystrokes" => options with { Keystrokes = Next() },
                    "--store-changes" => options with { StoreChanges = Next() },
                    "--cold-runs" => options with { ColdRuns = Next() },
                    "--store" when i + 1 < args.Count && args[i + 1] is "empty" or "filled" or "both" => options with { Store = args[++i] },
                    "--candidates-per-pin" => options with { CandidatesPerPin = Math.Max(1, Next()) },
                    "--keep" => options with { Keep = true },
                    _ => throw new FormatException($"unknown argument {args[i]}"),
                };
            }
            catch (FormatException e)
            {
                log.WriteLine(e.Message + "; " + Usage);
                return null;
            }
        }
        if (options.Files < 10 || options.Open < 1 || options.Open > options.Files / 10)
        {
            log.WriteLine($"--files must be at least 10 and --open between 1 and the number of pins ({options.Files / 10}); " + Usage);
            return null;
        }
        return options;
    }
}
