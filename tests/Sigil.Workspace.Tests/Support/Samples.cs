using Sigil.Core.Diff;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Tests.Support;

/// <summary>Realistic records: candidates of a small C# method, their evaluations and provenance.</summary>
internal static class Samples
{
    public const string Spec = "quickstart";
    public const string Workspace = "v1";
    public const string BaselineSource = "public static int Add(int a, int b)\n{\n    return a + b;\n}\n";

    public static readonly DateTimeOffset Epoch = new(2025, 9, 7, 21, 15, 0, TimeSpan.Zero);

    public static FunctionId Function(string qualifiedName = "Calc.Add(int,int)") =>
        FunctionId.Create("Demo.Lib", FunctionId.NoCommit, "Demo.Lib", qualifiedName, Blake3Digest.Hex("abi:" + qualifiedName));

    public static Provenance Provenance(string model = "gpt-5", long tokens = 1234) => new()
    {
        GeneratorKind = "llm",
        Model = model,
        PromptDigest = "b3:" + Blake3Digest.Hex("prompt " + model),
        Tokens = tokens,
        Optimizer = "alphaevolve",
        OptimizerParameters = new Dictionary<string, string> { ["population"] = "16", ["temperature"] = "0.7", ["islands"] = "{\"count\":4}" },
    };

    /// <summary>The source of variant <paramref name="body"/> of the method.</summary>
    public static string Source(string body) => $"public static int Add(int a, int b)\n{{\n    {body}\n}}\n";

    /// <summary>
    /// A candidate replacing the method body with <paramref name="body"/>, diffed against the parent's source
    /// (<paramref name="parentBody"/>, or the baseline when <paramref name="parent"/> is null).
    /// </summary>
    public static CandidateRecord Candidate(
        string body,
        CandidateRecord? parent = null,
        string? parentBody = null,
        FunctionId? function = null,
        string spec = Spec,
        string workspace = Workspace,
        Provenance? provenance = null,
        int minute = 0,
        string summary = "")
    {
        function ??= parent?.FunctionId ?? Function();
        var before = parent is null ? BaselineSource : Source(parentBody ?? throw new ArgumentException("parentBody is needed with a parent."));
        var after = Source(body);
        var patch = new AstPatch().Replace(function.QualifiedName, before, after).ToCanonicalString();
        return CandidateRecord.Create(
            function, spec, workspace, parent?.Id, UnifiedDiff.Create(before, after, "src/Calc.cs"), patch,
            provenance ?? Provenance(), Epoch.AddMinutes(minute), summary.Length > 0 ? summary : $"Use `{body}`.");
    }

    public static EvaluationRecord Evaluation(CandidateId candidate, double accuracy, string evaluator = "accuracy", int minute = 0, bool correct = true) =>
        EvaluationRecord.Create(
            candidate, evaluator, "3", "b3:" + Blake3Digest.Hex("samples-1"),
            new Dictionary<string, double> { ["accuracy"] = accuracy, ["p50_ms"] = 0.25, ["p99_ms"] = 0.91 },
            correct, correct ? null : "assertion", Epoch.AddMinutes(minute));

    /// <summary>A populated workspace: a baseline child, a grandchild, a second root, another workspace, evaluations and artifacts.</summary>
    public static SampleWorkspace Populate(Sigil.Workspace.Store.IWorkspaceStore store)
    {
        var root = Candidate("return checked(a + b);", minute: 1);
        var child = Candidate("return unchecked(a + b);", root, "return checked(a + b);", minute: 2);
        var grandchild = Candidate("return b + a;", child, "return unchecked(a + b);", minute: 3);
        var otherRoot = Candidate("return (int)((long)a + b);", minute: 4, provenance: Provenance("claude", 99));
        var otherWorkspace = Candidate("return a - -b;", workspace: "v2", minute: 5);
        foreach (var candidate in new[] { root, child, grandchild, otherRoot, otherWorkspace })
        {
            store.InsertCandidate(candidate);
        }
        store.InsertEvaluation(Evaluation(root.Id, 1.0, minute: 6));
        store.InsertEvaluation(Evaluation(root.Id, 0.5, "latency", minute: 7));
        store.InsertEvaluation(Evaluation(child.Id, double.NaN, minute: 8, correct: false));
        store.InsertEvaluation(Evaluation(otherWorkspace.Id, 0.99, minute: 9));
        store.PutArtifact(root.Id, "eval/accuracy.log", "accuracy 1.0\n"u8);
        store.PutArtifact(child.Id, "eval/accuracy.log", "accuracy NaN\n"u8);
        store.PutArtifact(child.Id, "profile.bin", Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray());
        store.PutArtifact(grandchild.Id, "same-as-root.log", "accuracy 1.0\n"u8);
        return new SampleWorkspace(root, child, grandchild, otherRoot, otherWorkspace);
    }
}
