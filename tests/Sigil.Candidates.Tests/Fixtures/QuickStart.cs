using Sigil.Candidates.Applying;

namespace Sigil.Candidates.Tests.Fixtures;

/// <summary>A copy of samples/QuickStart/Kernels.cs: the classic pin <c>Kernels.Root(double)</c> and its neighbours.</summary>
internal static class QuickStart
{
    public const string Path = "samples/QuickStart/Kernels.cs";

    public const string Kernels = """
        using Sigil;

        namespace QuickStart;

        /// <summary>The pinned methods: correct, but slower than they could be.</summary>
        public static class Kernels
        {
            /// <summary>Square root by a fixed number of Newton steps (the "myfun" of the spec's example).</summary>
            [Improve("quickstart", Eval = nameof(RootError), Workspace = "v1")]
            public static double Root(double x)
            {
                if (x <= 0)
                {
                    return 0;
                }
                var guess = x / 2 + 1;
                for (var i = 0; i < 40; i++)
                {
                    guess = 0.5 * (guess + x / guess);
                }
                return guess;
            }

            /// <summary>The eval ("myeval"): how close root² is to x, as a score where higher is better (0 is perfect).</summary>
            public static double RootError(double x, double root) => -Math.Abs(root * root - Math.Max(x, 0));

            /// <summary>Sum of squares through LINQ.</summary>
            [Improve("quickstart", Eval = nameof(SumIsExact), Workspace = "v1")]
            public static long SumOfSquares(int[] values) => values.Select(v => (long)v * v).Sum();

            /// <summary>1 when the sum is exact, else 0.</summary>
            public static bool SumIsExact(int[] values, long sum)
            {
                long expected = 0;
                foreach (var v in values)
                {
                    expected += (long)v * v;
                }
                return expected == sum;
            }
        }

        """;

    /// <summary>The Root method as in the file, without its doc comment and attribute, at column 0.</summary>
    public const string RootMethod = """
        public static double Root(double x)
        {
            if (x <= 0)
            {
                return 0;
            }
            var guess = x / 2 + 1;
            for (var i = 0; i < 40; i++)
            {
                guess = 0.5 * (guess + x / guess);
            }
            return guess;
        }
        """;

    public static PinTarget RootPin { get; } = new(Path, "Kernels.Root(double)");

    public static PinTarget SumOfSquaresPin { get; } = new(Path, "Kernels.SumOfSquares(int[])");

    public static IReadOnlyDictionary<string, string> Sources(string? text = null) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [Path] = text ?? Kernels };

    /// <summary>An answer holding one whole method in a fenced block with the given label.</summary>
    public static string Fenced(string method, string label = "csharp") =>
        $"Here is a faster version.\n\n```{label}\n{method}\n```\n\nIt does fewer iterations.";
}
