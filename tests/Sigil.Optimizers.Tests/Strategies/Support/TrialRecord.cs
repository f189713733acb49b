using System.Globalization;
using Sigil.Core.Hashing;
using Sigil.Optimizers.Strategies;

namespace Sigil.Optimizers.Tests.Strategies.Support;

/// <summary>One trial a strategy made: what it asked, what came back, and whether the budget was spent when it asked.</summary>
internal sealed record TrialRecord(int Index, TrialRequest Request, TrialOutcome Outcome, bool BudgetExhaustedBefore)
{
    /// <summary>The parent's id (<c>baseline</c> for none).</summary>
    public string ParentId => Request.Parent?.Id ?? SearchProgram.BaselineId;

    /// <summary>One line with everything that must be reproducible (for comparing runs).</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Index} arm={Request.Arm?.Key ?? "-"} parent={ParentId} insp=[{string.Join(",", Request.Inspirations.Select(p => p.Id))}] "
        + $"cascade={Request.Cascade} label={Request.Label} answer={(Request.Answer is null ? "-" : Blake3Digest.Hex(Request.Answer)[..12])} "
        + $"-> {Outcome.Status} {Outcome.Program?.Id ?? "-"} fitness={Outcome.Program?.Fitness:R} feasible={Outcome.Program?.Feasible} kind={Outcome.FailureKind ?? "-"}");
}
