using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sigil.Candidates.Building;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Rules;
using Sigil.Optimizers.Tests.Support;

namespace Sigil.Optimizers.Tests.Generators.Rules;

/// <summary>Runs one operator through the rule generator and the real candidate pipeline.</summary>
internal static class RuleTestSupport
{
    /// <summary>The answer of <paramref name="op"/> for the method <paramref name="name"/> of <paramref name="file"/>; fails when there is none.</summary>
    public static GenerationResult Propose(string file, string name, string op, long seed = 0, string path = "Sample.cs")
    {
        var result = new RuleGenerator().Propose(Samples.Request(file, name, path, op, seed));
        Assert.IsTrue(result.Succeeded, result.Failure?.ToString());
        Assert.AreEqual("rules", result.GeneratorKind);
        Assert.AreEqual(op, result.Operator);
        Assert.AreEqual(GenerationUsage.None, result.Usage);
        Assert.AreEqual(0, result.Attempts);
        return result;
    }

    /// <summary>The reason <paramref name="op"/> gives for not applying to <paramref name="name"/>.</summary>
    public static string NotApplicable(string file, string name, string op)
    {
        var result = new RuleGenerator().Propose(Samples.Request(file, name, "Sample.cs", op));
        Assert.IsNull(result.Answer, "expected no answer, got:\n" + result.Answer);
        Assert.AreEqual(GenerationFailureKind.NotApplicable, result.Failure?.Kind);
        return result.Failure!.Message;
    }

    /// <summary>
    /// Parses and applies <paramref name="answer"/> with the real <see cref="CandidateBuilder"/>; asserts a candidate
    /// whose new file parses without errors, and returns that file's text.
    /// </summary>
    public static string Apply(string file, string name, string answer, string path = "Sample.cs")
    {
        var built = CandidateBuilder.Build(Samples.Sources(path, file), Samples.Pin(file, name, path), answer);
        Assert.IsInstanceOfType<Candidate>(built, built.Failure?.ToString() + "\n" + answer);
        var candidate = (Candidate)built;
        var text = candidate.NewSources[path];
        var diagnostics = CSharpSyntaxTree.ParseText(text).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics) + "\n" + text);
        return text;
    }

    /// <summary>The method source inside a whole-method answer.</summary>
    public static string MethodOf(string answer)
    {
        var start = answer.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        return answer[start..answer.LastIndexOf("\n```", StringComparison.Ordinal)];
    }
}
