using System.Text;

namespace Sigil.Optimizers.Generators;

/// <summary>
/// A small deterministic generator (SplitMix64): the same seed gives the same sequence on every machine and .NET
/// version, which <see cref="Random"/> does not promise. Not thread-safe; not for cryptography.
/// </summary>
public sealed class SeededRandom
{
    private ulong _state;

    /// <summary>A generator starting from <paramref name="seed"/>.</summary>
    public SeededRandom(long seed) => _state = unchecked((ulong)seed);

    /// <summary>A generator for <paramref name="seed"/> and a purpose (<paramref name="salt"/>): different purposes get independent sequences.</summary>
    public static SeededRandom For(long seed, string salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(salt))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }
        return new SeededRandom(unchecked((long)(Mix((ulong)seed) ^ hash)));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>True or false with equal chance.</summary>
    public bool NextBool() => (NextUInt64() & 1) == 1;

    /// <summary>The items in a random order (Fisher–Yates); the input is not changed.</summary>
    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
