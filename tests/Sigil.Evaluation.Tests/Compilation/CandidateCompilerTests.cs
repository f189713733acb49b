using System.Diagnostics;
using System.Text;
using Sigil.Candidates.Applying;
using Sigil.Candidates.Building;
using Sigil.Evaluation.Compilation;
using Sigil.Evaluation.Tests.Support;
using Sigil.Projects.Pins;

namespace Sigil.Evaluation.Tests.Compilation;

[TestClass]
public sealed class CandidateCompilerTests
{
    private static readonly double[] Inputs = [2, 3, 10, 49.5, 1e6, 0, -1, 1e-9];
    private static readonly PinTarget Root = new(QuickStartApp.KernelsKey, "Kernels.Root(double)");

    private static ProjectSession s_session = null!;
    private static CandidateCompiler s_compiler = null!;
    private static CompiledCandidate s_baseline = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task OpenQuickStart(TestContext context)
    {
        // The generated module initializer registers QuickStart's pins; keep their tracker switch unwatched, as a worker must.
        Environment.SetEnvironmentVariable("SIGIL_TRACKER", "disabled");
        s_session = await ProjectSession.OpenAsync(QuickStartApp.ProjectPath, cancellationToken: context.CancellationToken);
        s_compiler = new CandidateCompiler(s_session);
        var baseline = s_compiler.CompileBaseline(context.CancellationToken);
        Assert.IsInstanceOfType<CompiledCandidate>(baseline, string.Join("\n", baseline.Diagnostics));
        s_baseline = (CompiledCandidate)baseline;
        context.WriteLine($"open {s_session.OpenElapsed.TotalMilliseconds:F0} ms, first compile (baseline) {s_baseline.Elapsed.TotalMilliseconds:F1} ms");
    }

    [ClassCleanup]
    public static void CloseQuickStart() => s_session?.Dispose();

    [TestMethod]
    public void CompileBaseline_QuickStart_LoadsInACollectibleContextAndRootMatchesTheRealBuild()
    {
        var compiled = Run(s_baseline, assembly => Inputs.Select(x => (double)AppLoadContext.Call(assembly, "QuickStart.Kernels", "Root", x)!).ToArray());
        var built = RunBuilt(assembly => Inputs.Select(x => (double)AppLoadContext.Call(assembly, "QuickStart.Kernels", "Root", x)!).ToArray());

        CollectionAssert.AreEqual(built, compiled);
        Assert.AreEqual("QuickStart", s_baseline.AssemblyName);
        Assert.IsEmpty(s_baseline.ChangedFiles);
        Assert.IsNotEmpty(s_baseline.Pdb);
    }

    [TestMethod]
    public void CompileBaseline_QuickStart_GeneratedPinCatalogEqualsTheRealBuilds()
    {
        var file = Path.Combine(Path.GetTempPath(), "sigil-" + Guid.NewGuid().ToString("n") + ".dll");
        try
        {
            File.WriteAllBytes(file, s_baseline.Image);

            var compiled = PinCatalogReader.Read(file);
            var built = PinCatalogReader.Read(QuickStartApp.BuiltAssemblyPath);

            Assert.HasCount(2, built);
            CollectionAssert.AreEqual(built.ToArray(), compiled.ToArray(), "same FunctionIDs (git commit, abi hashes), specs, evals and lines");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void Compile_FasterRootFromCandidateBuilder_ItsRootReturnsTheNewResult()
    {
        var candidate = Build(RootWith(steps: 6));

        var result = s_compiler.Compile(candidate.NewSources, TestContext.CancellationToken);

        Assert.IsInstanceOfType<CompiledCandidate>(result, string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEqual(new[] { QuickStartApp.KernelsKey }, result.ChangedFiles.ToArray());
        var roots = Run((CompiledCandidate)result, assembly => Inputs.Select(x => (double)AppLoadContext.Call(assembly, "QuickStart.Kernels", "Root", x)!).ToArray());
        CollectionAssert.AreEqual(Inputs.Select(x => NewtonRoot(x, 6)).ToArray(), roots);
        Assert.AreNotEqual(NewtonRoot(1e6, 40), roots[Array.IndexOf(Inputs, 1e6)], "six steps are not enough for 1e6: the candidate's code ran");
    }

    [TestMethod]
    public void Compile_TypeErrorInRoot_CompilationFailedWithTheErrorIdAndItsPlaceInTheChangedFile()
    {
        var candidate = Build(RootWith(steps: 40).Replace("return 0;", "return \"zero\";", StringComparison.Ordinal));
        var text = candidate.NewSources[QuickStartApp.KernelsKey];
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("return \"zero\";", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("\"zero\"", StringComparison.Ordinal) + 1;

        var result = s_compiler.Compile(candidate.NewSources, TestContext.CancellationToken);

        Assert.IsInstanceOfType<CompilationFailed>(result);
        var failed = (CompilationFailed)result;
        var error = failed.Errors.First();
        Assert.AreEqual("CS0029", error.Id);
        Assert.AreEqual(CompileSeverity.Error, error.Severity);
        Assert.AreEqual(QuickStartApp.KernelsKey, error.File);
        Assert.AreEqual((line, column), (error.Line, error.Column));
        Assert.IsTrue(error.InChangedFile);
        StringAssert.Contains(error.Message, "string");
        StringAssert.StartsWith(failed.Feedback, $"Kernels.cs({line},{column}): error CS0029: ");
    }

    [TestMethod]
    public void Compile_CSharp14FeatureInTheCandidate_CompilesAsWithTheSdksCompiler()
    {
        // LangVersion "latest" is C# 14 for the .NET 10 SDK's compiler; nameof of an unbound generic type is new in C# 14.
        var candidate = Build(RootWith(steps: 40).Replace("var guess = x / 2 + 1;", "var guess = x / 2 + nameof(List<>).Length - 3;", StringComparison.Ordinal));

        var result = s_compiler.Compile(candidate.NewSources, TestContext.CancellationToken);

        Assert.AreEqual(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp14, s_session.ParseOptions.LanguageVersion);
        Assert.IsInstanceOfType<CompiledCandidate>(result, string.Join("\n", result.Diagnostics));
    }

    [TestMethod]
    public void Compile_ErrorOutsideTheChangedFile_ReportedButNotMarkedAsChanged()
    {
        // Renaming a method that Program.cs calls breaks Program.cs, not the changed Kernels.cs.
        var sources = new Dictionary<string, string>
        {
            [QuickStartApp.KernelsKey] = s_session.Sources[QuickStartApp.KernelsKey].Replace("long SumOfSquares(", "long SumOfSquares2(", StringComparison.Ordinal),
        };

        var result = s_compiler.Compile(sources, TestContext.CancellationToken);

        Assert.IsInstanceOfType<CompilationFailed>(result);
        var error = ((CompilationFailed)result).Errors.First(e => e.Id == "CS0117");
        Assert.AreEqual(QuickStartApp.ProgramKey, error.File);
        Assert.IsFalse(error.InChangedFile);
        StringAssert.Contains(((CompilationFailed)result).Feedback, "Program.cs(");
    }

    [TestMethod]
    public void Compile_EditMovesAnInterceptedCall_GeneratorsRunAgainAndItCompiles()
    {
        // The interceptors locate Program.cs's calls by a checksum of its text: stale generated code would fail (CS9234).
        var sources = new Dictionary<string, string>
        {
            [QuickStartApp.ProgramKey] = "// moved down a line\n" + s_session.Sources[QuickStartApp.ProgramKey],
        };

        var result = s_compiler.Compile(sources, TestContext.CancellationToken);

        Assert.IsInstanceOfType<CompiledCandidate>(result, string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEqual(new[] { QuickStartApp.ProgramKey }, result.ChangedFiles.ToArray());
    }

    [TestMethod]
    public void Compile_AllSourcesGiven_OnlyFilesThatDifferCountAsChanged()
    {
        var candidate = Build(RootWith(steps: 12));

        var result = s_compiler.Compile(candidate.ApplyTo(s_session.Sources), TestContext.CancellationToken);

        Assert.IsInstanceOfType<CompiledCandidate>(result, string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEqual(new[] { QuickStartApp.KernelsKey }, result.ChangedFiles.ToArray());
    }

    [TestMethod]
    public void Compile_FullPathKey_SameAsItsSourceKey()
    {
        var candidate = Build(RootWith(steps: 9));
        var full = Path.Combine(s_session.ProjectDirectory, QuickStartApp.KernelsKey);

        var result = s_compiler.Compile(new Dictionary<string, string> { [full] = candidate.NewSources[QuickStartApp.KernelsKey] }, TestContext.CancellationToken);

        Assert.IsInstanceOfType<CompiledCandidate>(result, string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEqual(new[] { QuickStartApp.KernelsKey }, result.ChangedFiles.ToArray());
    }

    [TestMethod]
    public void Compile_FileNotInTheProject_ThrowsArgumentException()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => s_compiler.Compile(new Dictionary<string, string> { ["Extra.cs"] = "class Extra { }" }, TestContext.CancellationToken));

        StringAssert.Contains(error.Message, "'Extra.cs'");
        StringAssert.Contains(error.Message, "existing files only");
    }

    [TestMethod]
    public void Compile_TwoCandidatesInARow_BothCompileOnTheWarmSession()
    {
        var first = s_compiler.Compile(Build(RootWith(steps: 7)).NewSources, TestContext.CancellationToken);
        var second = s_compiler.Compile(Build(RootWith(steps: 8)).NewSources, TestContext.CancellationToken);

        Assert.IsInstanceOfType<CompiledCandidate>(first, string.Join("\n", first.Diagnostics));
        Assert.IsInstanceOfType<CompiledCandidate>(second, string.Join("\n", second.Diagnostics));
        TestContext.WriteLine($"open {s_session.OpenElapsed.TotalMilliseconds:F0} ms; baseline (first compile) {s_baseline.Elapsed.TotalMilliseconds:F1} ms; "
            + $"candidates {first.Elapsed.TotalMilliseconds:F1} ms then {second.Elapsed.TotalMilliseconds:F1} ms");
    }

    [TestMethod]
    public async Task Compile_ConcurrentCalls_RunOneAfterAnotherAndBothSucceed()
    {
        var first = Build(RootWith(steps: 13)).NewSources;
        var second = Build(RootWith(steps: 14)).NewSources;

        var results = await Task.WhenAll(
            Task.Run(() => s_compiler.Compile(first, TestContext.CancellationToken), TestContext.CancellationToken),
            Task.Run(() => new CandidateCompiler(s_session).Compile(second, TestContext.CancellationToken), TestContext.CancellationToken));

        Assert.IsTrue(results.All(r => r is CompiledCandidate), string.Join("\n", results.SelectMany(r => r.Diagnostics)));
        var roots = results.Select(r => Run((CompiledCandidate)r, assembly => (double)AppLoadContext.Call(assembly, "QuickStart.Kernels", "Root", 1e6)!)).ToArray();
        CollectionAssert.AreEqual(new[] { NewtonRoot(1e6, 13), NewtonRoot(1e6, 14) }, roots);
    }

    [TestMethod]
    public void Compile_CancelledToken_ThrowsAndTheSessionStaysUsable()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var sources = Build(RootWith(steps: 10)).NewSources;

        Assert.ThrowsExactly<OperationCanceledException>(() => s_compiler.Compile(sources, cancelled.Token));
        var after = s_compiler.Compile(sources, TestContext.CancellationToken);

        Assert.IsInstanceOfType<CompiledCandidate>(after, string.Join("\n", after.Diagnostics));
    }

    [TestMethod]
    public void Compile_CancelledWhileCompiling_StopsWithOperationCanceled()
    {
        // A candidate big enough to take far longer than the cancellation delay: 4,000 methods to bind and emit.
        var heavy = new StringBuilder(s_session.Sources[QuickStartApp.KernelsKey]).Append("\npublic static class Heavy\n{\n");
        for (var i = 0; i < 4000; i++)
        {
            heavy.Append($"    public static long M{i}(long x) {{ var s = 0L; for (var k = 0; k < x; k++) {{ s += (k * {i}) ^ (s >> 3); }} return s + (x > {i} ? M{Math.Max(0, i - 1)}(x - 1) : {i}); }}\n");
        }
        heavy.Append("}\n");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var watch = Stopwatch.StartNew();

        Assert.ThrowsExactly<OperationCanceledException>(() => s_compiler.Compile(new Dictionary<string, string> { [QuickStartApp.KernelsKey] = heavy.ToString() }, cancellation.Token));

        TestContext.WriteLine($"cancelled after {watch.Elapsed.TotalMilliseconds:F0} ms (token fired at 50 ms)");
    }

    private static Candidate Build(string rootMethod)
    {
        var result = CandidateBuilder.Build(s_session.Sources, Root, "```csharp\n" + rootMethod + "\n```");
        Assert.IsInstanceOfType<Candidate>(result, result.Failure?.ToString());
        return (Candidate)result;
    }

    private static string RootWith(int steps) => $$"""
        public static double Root(double x)
        {
            if (x <= 0)
            {
                return 0;
            }
            var guess = x / 2 + 1;
            for (var i = 0; i < {{steps}}; i++)
            {
                guess = 0.5 * (guess + x / guess);
            }
            return guess;
        }
        """;

    /// <summary>The candidates' algorithm, here in the test.</summary>
    private static double NewtonRoot(double x, int steps)
    {
        if (x <= 0)
        {
            return 0;
        }
        var guess = x / 2 + 1;
        for (var i = 0; i < steps; i++)
        {
            guess = 0.5 * (guess + x / guess);
        }
        return guess;
    }

    private static T Run<T>(CompiledCandidate compiled, Func<System.Reflection.Assembly, T> use)
    {
        var context = new AppLoadContext(QuickStartApp.BuiltAssemblyPath);
        try
        {
            var assembly = context.Load(compiled);
            Assert.IsTrue(assembly.IsCollectible);
            return use(assembly);
        }
        finally
        {
            context.Unload();
        }
    }

    private static T RunBuilt<T>(Func<System.Reflection.Assembly, T> use)
    {
        var context = new AppLoadContext(QuickStartApp.BuiltAssemblyPath);
        try
        {
            return use(context.LoadFromAssemblyPath(QuickStartApp.BuiltAssemblyPath));
        }
        finally
        {
            context.Unload();
        }
    }
}
