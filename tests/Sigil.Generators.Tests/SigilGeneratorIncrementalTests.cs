extern alias generators;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sigil.Generators.Tests.Infrastructure;
using SigilGenerator = generators::Sigil.Generators.SigilGenerator;

namespace Sigil.Generators.Tests;

/// <summary>Editing a file without pins re-scans only that file; pins and other files' hits stay cached.</summary>
[TestClass]
public sealed class SigilGeneratorIncrementalTests
{
    private const string Pins = """
        public static class Calc
        {
            [Sigil.Improve("quickstart", Eval = nameof(Score))]
            public static int Square(int x) => x * x;
            public static double Score(int x, int result) => result;
            public static int Use() => Square(3);
        }
        """;

    [TestMethod]
    public void Run_EditOfAnUnrelatedFile_KeepsPinsAndOtherFilesCached()
    {
        var compilation = GeneratorHarness.Compile(
        [
            ("/src/app/Pins.cs", Pins),
            ("/src/app/Specs.cs", GeneratorHarness.SpecDeclaration),
            ("/src/app/Other.cs", "public static class Other { public static int M() => 1; }"),
        ]);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new SigilGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: new TestAnalyzerConfigOptionsProvider(GeneratorHarness.DefaultProperties()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        var firstSource = driver.GetRunResult().GeneratedTrees.Single().GetText().ToString();

        var other = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Other.cs", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText(
            "public static class Other { public static int M() => 2; public static int N() => M(); }", GeneratorHarness.ParseOptions, other.FilePath));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        var pinReasons = result.TrackedSteps[SigilGenerator.TrackingNames.Pins].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        var hitReasons = result.TrackedSteps[SigilGenerator.TrackingNames.CallHits].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.IsTrue(pinReasons.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged), string.Join(",", pinReasons));
        Assert.AreEqual(3, hitReasons.Count);
        Assert.AreEqual(1, hitReasons.Count(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)), string.Join(",", hitReasons));
        Assert.AreEqual(firstSource, result.GeneratedSources.Single().SourceText.ToString());
    }
}
