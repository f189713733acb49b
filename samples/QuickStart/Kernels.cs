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
