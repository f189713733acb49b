using System.Globalization;

namespace Sigil.Evaluation.Measurement;

/// <summary>A two-sided confidence interval [<see cref="Low"/>, <see cref="High"/>] at <see cref="Level"/> (0.95 for 95%).</summary>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound.</param>
/// <param name="Level">The confidence level, strictly between 0 and 1.</param>
public readonly record struct ConfidenceInterval(double Low, double High, double Level)
{
    /// <summary>True when <paramref name="value"/> lies inside the interval (bounds included).</summary>
    public bool Contains(double value) => value >= Low && value <= High;

    /// <summary>The level as a percentage for messages: <c>95%</c>, <c>99.9%</c>.</summary>
    public string LevelText => (Level * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The interval as <c>[low, high]</c> with the given invariant number format.</summary>
    public string ToString(string format) =>
        "[" + Low.ToString(format, CultureInfo.InvariantCulture) + ", " + High.ToString(format, CultureInfo.InvariantCulture) + "]";

    /// <inheritdoc />
    public override string ToString() => ToString("G4") + " at " + LevelText;

    /// <summary>Throws unless <paramref name="level"/> is strictly between 0 and 1.</summary>
    internal static void CheckLevel(double level, string parameterName)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(parameterName, level, "The confidence level must be strictly between 0 and 1 (0.95 for 95%).");
        }
    }
}
