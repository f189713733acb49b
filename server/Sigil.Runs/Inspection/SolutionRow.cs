namespace Sigil.Runs.Inspection;

/// <summary>One candidate as <c>sigil inspect-solutions</c> lists it.</summary>
/// <param name="Workspace">The workspace holding it.</param>
/// <param name="Pin">The pin's qualified name.</param>
/// <param name="FunctionId">The pin's FunctionID.</param>
/// <param name="Candidate">The candidate id.</param>
/// <param name="Summary">What the change is (generator, operator, label).</param>
/// <param name="EvalFunction">The evaluator: the eval function's name, or <c>outputs-equal</c>.</param>
/// <param name="Correct">Whether it was correct on the searched samples.</param>
/// <param name="ErrorClass">Why not, when it was not.</param>
/// <param name="Metrics">Its metrics on the searched samples.</param>
/// <param name="HoldoutAccepted">The holdout verdict: <c>true</c> accepted, <c>false</c> not, <c>null</c> never checked.</param>
/// <param name="CreatedAt">When it was stored in this workspace.</param>
/// <param name="ServedCalls">Calls the runtime resolver has served with it (<see cref="ServedUsage"/>), 0 when never served.</param>
public sealed record SolutionRow(
    string Workspace,
    string Pin,
    string FunctionId,
    string Candidate,
    string Summary,
    string EvalFunction,
    bool Correct,
    string? ErrorClass,
    IReadOnlyDictionary<string, double> Metrics,
    bool? HoldoutAccepted,
    DateTimeOffset CreatedAt,
    long ServedCalls = 0)
{
    /// <summary>The speedup point estimate, or 0 when not measured.</summary>
    public double Speedup => Metrics.GetValueOrDefault("speedup");
}
