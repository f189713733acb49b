using System.Globalization;
using Sigil.Runs.Inspection;

namespace Sigil.LanguageServer.Lenses;

/// <summary>The lenses' titles.</summary>
internal static class LensTitles
{
    /// <summary>The first lens.</summary>
    public const string Improve = "Improve this method";

    /// <summary>
    /// <c>3 candidates · best 1.84× vs baseline</c>: the best correct candidate by speedup (holdout-accepted first, as
    /// <see cref="SolutionsReport"/> orders them); its score when it has no speedup.
    /// </summary>
    public static string Candidates(IReadOnlyList<SolutionRow> rows)
    {
        if (rows.Count == 0)
        {
            return "No candidates yet";
        }
        var count = rows.Count == 1 ? "1 candidate" : $"{rows.Count} candidates";
        var best = rows.Where(r => r.Correct).OrderByDescending(r => r.HoldoutAccepted == true).ThenByDescending(r => r.Speedup).FirstOrDefault();
        if (best is null)
        {
            return $"{count} · none correct yet";
        }
        if (best.Speedup > 0)
        {
            return $"{count} · best {best.Speedup.ToString("0.##", CultureInfo.InvariantCulture)}× vs baseline";
        }
        return best.Metrics.TryGetValue("score_mean", out var score)
            ? $"{count} · best score {score.ToString("G4", CultureInfo.InvariantCulture)}"
            : $"{count} · best not measured";
    }

    /// <summary><c>Tracker: on</c> or <c>Tracker: off</c>.</summary>
    public static string Tracker(bool enabled) => enabled ? "Tracker: on" : "Tracker: off";
}
