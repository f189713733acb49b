using System.Runtime.CompilerServices;
using Sigil;

namespace Sigil.Benchmarks;

/// <summary>The same trivial method twice: once pinned, once not.</summary>
public static class Kernels
{
    /// <summary>Pinned: every call goes through the generated interceptor.</summary>
    [Improve("bench", Eval = nameof(Score))]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Pinned(int x) => x * 2 + 1;

    /// <summary>Not pinned: the direct call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Direct(int x) => x * 2 + 1;

    /// <summary>A trivial eval.</summary>
    public static double Score(int x, int result) => result - x;
}
