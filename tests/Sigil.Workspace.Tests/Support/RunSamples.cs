using Sigil.Core.Hashing;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Tests.Support;

/// <summary>Realistic run log records: a run of the sample spec and its trials of every status.</summary>
internal static class RunSamples
{
    public const string Settings = "{\"population\": 16, \"temperature\": 0.7, \"islands\": {\"count\": 4}}";

    public static RunRecord Run(
        string spec = Samples.Spec,
        string workspace = Samples.Workspace,
        int iterations = 10,
        int minute = 0,
        long seed = 42,
        string settings = Settings,
        string? endpoint = "https://api.example.com/v1") =>
        RunRecord.Create(
            spec, workspace, "alphaevolve", settings, seed, iterations, [Samples.Function()],
            "b3:" + Blake3Digest.Hex("samples-1"), "b3:" + Blake3Digest.Hex("evaluator accuracy@3"), endpoint, ["gpt-5", "claude"],
            1_000_000, 25.0, Samples.Epoch.AddMinutes(minute), "sigil 0.4.0-test");

    public static TrialRecord Evaluated(RunId run, int index, CandidateRecord candidate, EvaluationRecord? evaluation = null, double fitness = 1.5, bool feasible = true) => new()
    {
        RunId = run,
        Index = index,
        Status = TrialRecordStatus.Evaluated,
        CandidateId = candidate.Id,
        ParentId = candidate.Parent,
        EvaluationId = evaluation?.Id,
        Generator = "llm",
        Model = "gpt-5",
        Operator = "diff",
        Answer = "<<<<<<< SEARCH\n    return a + b;\n=======\n    " + candidate.Summary + "\n>>>>>>> REPLACE\n",
        InputTokens = 1200,
        OutputTokens = 300,
        CostUsd = 0.0125,
        Fitness = fitness,
        Feasible = feasible,
        FailureKind = feasible ? null : "wrong-result",
        Label = "island=0",
        RequestDigest = Request(index),
        CreatedAt = Samples.Epoch.AddMinutes(100 + index),
    };

    public static TrialRecord Duplicate(RunId run, int index, CandidateRecord candidate) => new()
    {
        RunId = run,
        Index = index,
        Status = TrialRecordStatus.Duplicate,
        CandidateId = candidate.Id,
        Generator = "rules",
        Operator = "linq-to-loop",
        Answer = "```csharp\n" + candidate.Summary + "\n```",
        RequestDigest = Request(index),
        CreatedAt = Samples.Epoch.AddMinutes(100 + index),
    };

    public static TrialRecord Rejected(RunId run, int index, string kind = "compile-error", string message = "CS0103: The name 'c' does not exist in the current context") => new()
    {
        RunId = run,
        Index = index,
        Status = TrialRecordStatus.Rejected,
        Generator = "llm",
        Model = "claude",
        Answer = "I think the method is already optimal.",
        FailureKind = kind,
        FailureMessage = message,
        InputTokens = 900,
        OutputTokens = 12,
        CostUsd = 0.004,
        RequestDigest = Request(index),
        CreatedAt = Samples.Epoch.AddMinutes(100 + index),
    };

    public static TrialRecord OutOfBudget(RunId run, int index) => new()
    {
        RunId = run,
        Index = index,
        Status = TrialRecordStatus.OutOfBudget,
        Generator = "llm",
        Model = "gpt-5",
        FailureKind = "budget",
        RequestDigest = Request(index),
        CreatedAt = Samples.Epoch.AddMinutes(100 + index),
    };

    /// <summary>
    /// A run of <paramref name="sample"/>'s spec and workspace with four trials: the root evaluated (with its
    /// evaluation), a rejected answer, the child evaluated infeasible, then a duplicate of the root.
    /// </summary>
    public static (RunRecord Run, IReadOnlyList<TrialRecord> Trials) Populate(Sigil.Workspace.Store.IWorkspaceStore store, SampleWorkspace sample, int minute = 0)
    {
        var run = Run(minute: minute);
        store.InsertRun(run);
        var evaluation = store.ListEvaluations(sample.Root.Id)[0];
        TrialRecord[] trials =
        [
            Evaluated(run.Id, 0, sample.Root, evaluation),
            Rejected(run.Id, 1),
            Evaluated(run.Id, 2, sample.Child, fitness: double.NaN, feasible: false),
            Duplicate(run.Id, 3, sample.Root),
        ];
        foreach (var trial in trials)
        {
            store.InsertTrial(trial);
        }
        return (run, trials);
    }

    private static string Request(int index) => "b3:" + Blake3Digest.Hex($"request {index}");
}
