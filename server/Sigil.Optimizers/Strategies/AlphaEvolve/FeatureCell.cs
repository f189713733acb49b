namespace Sigil.Optimizers.Strategies.AlphaEvolve;

/// <summary>
/// A MAP-Elites cell: where a program falls on AlphaEvolve's two feature axes (see <see cref="ProgramFeatures"/>).
/// </summary>
/// <param name="Length">The length bucket, 0–4: much shorter, shorter, about the same, longer, much longer than the baseline (in tokens).</param>
/// <param name="Loops">The loop bucket, 0–3: the number of loop statements, 3 meaning 3 or more.</param>
public readonly record struct FeatureCell(int Length, int Loops) : IComparable<FeatureCell>
{
    /// <summary>Length buckets.</summary>
    public const int LengthBuckets = 5;

    /// <summary>Loop buckets.</summary>
    public const int LoopBuckets = 4;

    /// <inheritdoc />
    public int CompareTo(FeatureCell other) => Length != other.Length ? Length.CompareTo(other.Length) : Loops.CompareTo(other.Loops);

    /// <summary><c>length,loops</c>.</summary>
    public override string ToString() => $"{Length},{Loops}";
}
