using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sigil.Core.Hashing;
using Sigil.Manifests.Model;

namespace Sigil.Runtime.Tests.Resolution;

/// <summary>A compiled candidate assembly as <c>sigil promote</c> would store it: its bytes and the type holding the method.</summary>
internal sealed record TestArtifact(string Name, byte[] Image, string EntryType)
{
    public string Hex => Blake3Digest.Hex(Image);

    public PinArtifact PinArtifact => new(PinArtifact.DigestPrefix + Hex, EntryType, Image.LongLength);
}

/// <summary>
/// Small candidate assemblies compiled with Roslyn once per test run (each with its own assembly name, as the artifacts
/// of different candidates have), shared by the resolver tests.
/// </summary>
internal static class TestArtifacts
{
    public const string EntryType = "Tests.SigilCandidateMethod";

    private static readonly Lazy<TestArtifact> s_root42 = Lazy("root42",
        "namespace Tests { internal static class SigilCandidateMethod { public static double Root(double x) => 42.0 + x; } }");

    private static readonly Lazy<TestArtifact> s_root7 = Lazy("root7",
        "namespace Tests { internal static class SigilCandidateMethod { public static double Root(double x) => 7.0; } }");

    private static readonly Lazy<TestArtifact> s_root7SameName = Lazy("root42",
        "namespace Tests { internal static class SigilCandidateMethod { public static double Root(double x) => 7.0; } }");

    private static readonly Lazy<TestArtifact> s_scale = Lazy("scale",
        "namespace Tests { internal static class SigilCandidateMethod { public static double Scale(double x) => 3.0 * x; } }");

    private static readonly Lazy<TestArtifact> s_both = Lazy("both",
        "namespace Tests { internal static class SigilCandidateMethod { public static double Root(double x) => 100.0 + x; public static double Scale(double x) => 200.0 + x; } }");

    private static readonly Lazy<TestArtifact> s_wrongSignature = Lazy("wrongsig",
        "namespace Tests { internal static class SigilCandidateMethod { public static int Root(int x) => x + 1; } }");

    /// <summary><c>Root(double x) =&gt; 42.0 + x</c>.</summary>
    public static TestArtifact Root42 => s_root42.Value;

    /// <summary><c>Root(double x) =&gt; 7.0</c>: another candidate of the same pin.</summary>
    public static TestArtifact Root7 => s_root7.Value;

    /// <summary>
    /// <c>Root(double x) =&gt; 7.0</c> under <see cref="Root42"/>'s assembly name: other bytes, one name (a candidate's
    /// artifact compiled again against a changed build keeps its name).
    /// </summary>
    public static TestArtifact Root7SameName => s_root7SameName.Value;

    /// <summary><c>Scale(double x) =&gt; 3.0 * x</c>: the candidate of a second pin.</summary>
    public static TestArtifact Scale => s_scale.Value;

    /// <summary>One assembly holding both <c>Root =&gt; 100 + x</c> and <c>Scale =&gt; 200 + x</c>.</summary>
    public static TestArtifact Both => s_both.Value;

    /// <summary><c>int Root(int)</c>: does not match a <c>double Root(double)</c> pin.</summary>
    public static TestArtifact WrongSignature => s_wrongSignature.Value;

    private static Lazy<TestArtifact> Lazy(string name, string source) => new(() => Compile("Tests.SigilApproved_" + name, source));

    private static TestArtifact Compile(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"{assemblyName} does not compile: " +
                string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        return new TestArtifact(assemblyName, image.ToArray(), EntryType);
    }
}
