using System.Runtime.CompilerServices;
using Sigil;

namespace ServedApp;

/// <summary>
/// Two pins and their unpinned twins, token for token the same bodies (the benchmarks check it, and serve a candidate
/// compiled from the pin's own text): a realistic one (QuickStart's Root, 40 Newton steps) and a tiny one.
/// NoInlining on all four, so the direct call stays a call, as a served candidate (a delegate) always is.
/// </summary>
public static class Kernels
{
    /// <summary>Square root by 40 Newton steps (QuickStart's Root).</summary>
    [Improve("served", Eval = nameof(RootError))]
    [MethodImpl(MethodImplOptions.NoInlining)]
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

    /// <summary>Root, not pinned: the direct call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double DirectRoot(double x)
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

    /// <summary>A method of a few nanoseconds.</summary>
    [Improve("served", Eval = nameof(TinyScore))]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Tiny(int x) => x * 2 + 1;

    /// <summary>Tiny, not pinned: the direct call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int DirectTiny(int x) => x * 2 + 1;

    /// <summary>Root's eval: higher is better, 0 is exact.</summary>
    public static double RootError(double x, double root) => -Math.Abs(root * root - Math.Max(x, 0));

    /// <summary>Tiny's eval.</summary>
    public static double TinyScore(int x, int result) => result - x;
}
