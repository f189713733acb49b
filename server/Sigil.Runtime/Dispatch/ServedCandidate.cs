using System.Runtime.CompilerServices;

namespace Sigil.Runtime;

/// <summary>
/// An approved candidate bound to a pin's delegate type, where it came from, and how often it has been called
/// ("keep track of usage of each"): striped counters, so threads calling the same pin do not contend on one cache line.
/// </summary>
internal sealed class ServedCandidate(string functionId, string candidateId, string? manifestId, Delegate implementation)
{
    private const int Stripes = 16;
    private const int Padding = 8; // longs per stripe: one 64-byte cache line each
    private readonly long[] _counts = new long[Stripes * Padding];

    /// <summary>The pin's FunctionID (as the running build has it).</summary>
    public string FunctionId { get; } = functionId;

    /// <summary>The candidate (<c>diff://b3:…</c>).</summary>
    public string CandidateId { get; } = candidateId;

    /// <summary>The manifest that approved it, or null for a dev override.</summary>
    public string? ManifestId { get; } = manifestId;

    /// <summary>The compiled method as the pin's delegate type.</summary>
    public Delegate Implementation { get; } = implementation;

    /// <summary>Calls served so far.</summary>
    public long Calls
    {
        get
        {
            long total = 0;
            for (var i = 0; i < Stripes; i++)
            {
                total += Volatile.Read(ref _counts[i * Padding]);
            }
            return total;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Count() => Interlocked.Increment(ref _counts[(Environment.CurrentManagedThreadId & (Stripes - 1)) * Padding]);
}
