using System.Globalization;

namespace Sigil.Benchmarks.Pipeline;

/// <summary>The pipeline modes' command line (everything after the mode, as <c>--name value</c>).</summary>
internal sealed record PipelineOptions
{
    public PinKind Pin { get; init; } = PinKind.SumOfSquares;

    /// <summary>Samples in the context (default 1,000).</summary>
    public int Samples { get; init; } = 1000;

    public int SampleSeed { get; init; } = 42;

    /// <summary>The run's seed (the sandbox schedule); the acceptance mode varies it per evaluation unless <see cref="FixedSeed"/>.</summary>
    public int Seed { get; init; }

    public bool FixedSeed { get; init; }

    /// <summary>--candidates-per-second: the rounds settings to measure (default 1, 3, 30).</summary>
    public IReadOnlyList<int> Rounds { get; init; } = [1, 3, 30];

    /// <summary>--candidates-per-second: also measure the cascade (3 rounds × 8 samples, then 30 rounds × all).</summary>
    public bool Cascade { get; init; } = true;

    /// <summary>--candidates-per-second: distinct candidates per timed batch.</summary>
    public int Candidates { get; init; } = 30;

    /// <summary>--candidates-per-second: timed batches per stage.</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>Untimed candidates before anything is measured.</summary>
    public int Warmup { get; init; } = 10;

    /// <summary>--acceptance: evaluations per arm (identical candidate, faster candidate).</summary>
    public int Evaluations { get; init; } = 200;

    /// <summary>--acceptance: the rounds of each evaluation (a run's default, 30).</summary>
    public int EvaluationRounds { get; init; } = 30;

    /// <summary>--acceptance: Newton steps of the faster Root candidate (the baseline takes 40).</summary>
    public int FasterSteps { get; init; } = 38;

    /// <summary>--acceptance: long evaluations that establish the faster candidate's true ratio, and their rounds.</summary>
    public int VerifyEvaluations { get; init; } = 6;

    public int VerifyRounds { get; init; } = 500;

    public string? CsvPath { get; init; }

    /// <summary>--candidates-per-second: which compile paths to measure, side by side: both (default), method, whole.</summary>
    public string Compile { get; init; } = "both";

    /// <summary>--app-baseline: time method-only candidates against the app's copy of the baseline (as before the twin).</summary>
    public bool AppBaseline { get; init; }

    public static PipelineOptions Parse(IReadOnlyList<string> args, PipelineOptions defaults)
    {
        var options = defaults;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--fixed-seed")
            {
                options = options with { FixedSeed = true };
                continue;
            }
            if (name == "--app-baseline")
            {
                options = options with { AppBaseline = true };
                continue;
            }
            if (name == "--no-cascade")
            {
                options = options with { Cascade = false };
                continue;
            }
            if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value.");
            var value = args[++i];
            options = name switch
            {
                "--pin" => options with { Pin = Enum.Parse<PinKind>(value, ignoreCase: true) },
                "--samples" => options with { Samples = Int(value) },
                "--sample-seed" => options with { SampleSeed = Int(value) },
                "--seed" => options with { Seed = Int(value) },
                "--rounds" => options with { Rounds = [.. value.Split(',').Select(Int)], EvaluationRounds = Int(value.Split(',')[0]) },
                "--candidates" => options with { Candidates = Int(value) },
                "--repeats" => options with { Repeats = Int(value) },
                "--warmup" => options with { Warmup = Int(value) },
                "--evaluations" => options with { Evaluations = Int(value) },
                "--faster-steps" => options with { FasterSteps = Int(value) },
                "--verify-evaluations" => options with { VerifyEvaluations = Int(value) },
                "--verify-rounds" => options with { VerifyRounds = Int(value) },
                "--compile" => value is "both" or "method" or "whole" ? options with { Compile = value } : throw new ArgumentException("--compile takes both, method or whole."),
                "--csv" => options with { CsvPath = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }
        return options;
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
