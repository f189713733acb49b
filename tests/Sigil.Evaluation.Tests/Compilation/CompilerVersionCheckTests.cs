using Microsoft.CodeAnalysis.CSharp;
using Sigil.Evaluation.Compilation;

namespace Sigil.Evaluation.Tests.Compilation;

[TestClass]
public sealed class CompilerVersionCheckTests
{
    private static readonly string OurCompiler = typeof(CSharpCompilation).Assembly.Location;

    [TestMethod]
    public void Check_SdkCompilerOfTheSameVersion_NoWarning()
    {
        using var sdk = FakeSdk.With(OurCompiler);

        Assert.IsNull(CompilerVersionCheck.Check([null, "/nuget/x/analyzers/dotnet/cs/Gen.dll", sdk.AnalyzerPath], OurCompiler));
    }

    [TestMethod]
    public void Check_SdkCompilerOfAnotherVersion_WarningNamesBoth()
    {
        // This test assembly (version 1.0) stands in for another compiler version.
        using var sdk = FakeSdk.With(typeof(CompilerVersionCheckTests).Assembly.Location);

        var warning = CompilerVersionCheck.Check([sdk.AnalyzerPath], OurCompiler);

        Assert.IsNotNull(warning);
        Assert.IsFalse(warning.IsFailure);
        StringAssert.Contains(warning.Message, "C# compiler 1.0");
        StringAssert.Contains(warning.Message, "FunctionIDs");
    }

    [TestMethod]
    public void Check_NoSdkAnalyzerAmongThePaths_NoWarning()
    {
        Assert.IsNull(CompilerVersionCheck.Check(["/nuget/x/analyzers/dotnet/cs/Gen.dll", "/elsewhere/Sdks/A.dll"], OurCompiler));
    }

    [TestMethod]
    public void Check_ThisMachinesSdk_SameVersionAsOurs()
    {
        // The SDK next to this runtime (<dotnet>/shared/Microsoft.NETCore.App/<v>/) builds samples/QuickStart.
        var dotnetRoot = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!).Parent!.Parent!.Parent!.FullName;
        var sdks = Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk")).Where(d => File.Exists(Path.Combine(d, "Roslyn", "bincore", "Microsoft.CodeAnalysis.CSharp.dll"))).ToArray();
        Assert.IsNotEmpty(sdks, "an SDK in " + dotnetRoot);
        var analyzer = Path.Combine(sdks.Max(StringComparer.Ordinal)!, "Sdks", "Microsoft.NET.Sdk", "analyzers", "Microsoft.CodeAnalysis.NetAnalyzers.dll");

        Assert.IsNull(CompilerVersionCheck.Check([analyzer]));
    }

    private sealed class FakeSdk : IDisposable
    {
        private readonly string _root;

        private FakeSdk(string root, string analyzerPath)
        {
            _root = root;
            AnalyzerPath = analyzerPath;
        }

        public string AnalyzerPath { get; }

        public static FakeSdk With(string compiler)
        {
            var root = Path.Combine(Path.GetTempPath(), "sigil-" + Guid.NewGuid().ToString("n"));
            var version = Path.Combine(root, "sdk", "10.0.999");
            Directory.CreateDirectory(Path.Combine(version, "Roslyn", "bincore"));
            File.Copy(compiler, Path.Combine(version, "Roslyn", "bincore", "Microsoft.CodeAnalysis.CSharp.dll"));
            return new FakeSdk(root, Path.Combine(version, "Sdks", "Microsoft.NET.Sdk", "analyzers", "Microsoft.CodeAnalysis.NetAnalyzers.dll"));
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
