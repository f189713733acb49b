using Sigil.Evaluation.Compilation;
using Sigil.Evaluation.Tests.Support;

namespace Sigil.Evaluation.Tests.Compilation;

[TestClass]
public sealed class ProjectSessionTests
{
    private static ProjectSession s_session = null!;
    private static RecordingProgress s_progress = null!;

    [ClassInitialize]
    public static async Task OpenQuickStart(TestContext context)
    {
        s_progress = new RecordingProgress();
        s_session = await ProjectSession.OpenAsync(QuickStartApp.ProjectPath, progress: s_progress, cancellationToken: context.CancellationToken);
        context.WriteLine($"open: {s_session.OpenElapsed.TotalMilliseconds:F0} ms");
    }

    [ClassCleanup]
    public static void CloseQuickStart() => s_session?.Dispose();

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void OpenAsync_QuickStart_SourcesAreTheProjectsOwnFilesKeyedFromItsFolder()
    {
        CollectionAssert.AreEqual(new[] { "Kernels.cs", "Program.cs", "QuickStartSpec.cs" }, s_session.Sources.Keys.ToArray());
        Assert.AreEqual(File.ReadAllText(Path.Combine(s_session.ProjectDirectory, "Kernels.cs")), s_session.Sources[QuickStartApp.KernelsKey]);
        Assert.AreEqual(s_session.ProjectDirectory, s_session.SourceRoot);
        Assert.AreEqual(QuickStartApp.ProjectPath, s_session.ProjectPath);
    }

    [TestMethod]
    public void OpenAsync_QuickStart_KnowsItsAssemblyOutputAndGenerators()
    {
        Assert.AreEqual("QuickStart", s_session.AssemblyName);
        Assert.AreEqual(QuickStartApp.BuiltAssemblyPath, s_session.OutputFilePath);
        CollectionAssert.Contains(s_session.Generators, "Sigil.Generators.SigilGenerator");
        Assert.IsTrue(s_session.ParseOptions.Features.TryGetValue("InterceptorsNamespaces", out var namespaces));
        StringAssert.Contains(namespaces, "Sigil.Generated");
    }

    [TestMethod]
    public void OpenAsync_QuickStart_NoFailuresAndTheBaselineHasTheGeneratedInterceptors()
    {
        Assert.IsFalse(s_session.LoadDiagnostics.Any(d => d.IsFailure), string.Join("\n", s_session.LoadDiagnostics));
        Assert.IsTrue(s_session.Baseline.SyntaxTrees.Any(t => t.FilePath.EndsWith("Sigil.Interceptors.g.cs", StringComparison.Ordinal)));
        Assert.IsEmpty(s_session.Baseline.GetDiagnostics(TestContext.CancellationToken).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [TestMethod]
    public void OpenAsync_QuickStart_ReportsTheOpeningTimeThroughProgress()
    {
        Assert.IsGreaterThan(TimeSpan.Zero, s_session.OpenElapsed);
        StringAssert.StartsWith(s_progress.Reports[0], "Opening " + QuickStartApp.ProjectPath);
        var opened = s_progress.Reports.Single(r => r.StartsWith("Opened QuickStart in ", StringComparison.Ordinal));
        StringAssert.Contains(opened, "3 source files");
        StringAssert.Contains(opened, "MSBuild ");
    }

    [TestMethod]
    public async Task OpenAsync_MissingFile_ThrowsProjectLoadExceptionNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "sigil-" + Guid.NewGuid().ToString("n"), "Missing.csproj");

        var error = await Assert.ThrowsExactlyAsync<ProjectLoadException>(() => ProjectSession.OpenAsync(path, cancellationToken: TestContext.CancellationToken));

        Assert.AreEqual(path, error.ProjectPath);
        StringAssert.Contains(error.Message, "does not exist");
    }

    [TestMethod]
    public async Task OpenAsync_BrokenProjectFile_ThrowsWithMSBuildsMessageUnlessLoadFailuresAreAllowed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sigil-" + Guid.NewGuid().ToString("n")));
        try
        {
            var path = Path.Combine(folder.FullName, "Broken.csproj");
            File.WriteAllText(path, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>\n");

            var error = await Assert.ThrowsExactlyAsync<ProjectLoadException>(() => ProjectSession.OpenAsync(path, cancellationToken: TestContext.CancellationToken));
            using var lenient = await ProjectSession.OpenAsync(path, new ProjectSessionOptions { AllowLoadFailures = true }, cancellationToken: TestContext.CancellationToken);

            StringAssert.Contains(error.Message, "MSBuild failed to load");
            StringAssert.Contains(error.Message, "PropertyGroup");
            Assert.IsTrue(error.Diagnostics.Single().IsFailure);
            Assert.IsTrue(lenient.LoadDiagnostics.Single().IsFailure);
            Assert.IsEmpty(lenient.Sources);
            lenient.Dispose();
            Assert.ThrowsExactly<ObjectDisposedException>(() => new CandidateCompiler(lenient).CompileBaseline(TestContext.CancellationToken));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestMethod]
    public async Task OpenAsync_GeneratorNotBuilt_ThrowsNamingIt()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sigil-" + Guid.NewGuid().ToString("n")));
        try
        {
            var generator = Path.Combine(folder.FullName, "gen", "bin", "Missing.Generators.dll");
            var path = Path.Combine(folder.FullName, "App.csproj");
            File.WriteAllText(path, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup><Analyzer Include="{generator}" /></ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder.FullName, "A.cs"), "public static class A { }\n");

            var error = await Assert.ThrowsExactlyAsync<ProjectLoadException>(() => ProjectSession.OpenAsync(path, cancellationToken: TestContext.CancellationToken));

            StringAssert.Contains(error.Message, $"'{generator}' does not exist; build the project first");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestMethod]
    public async Task OpenAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => ProjectSession.OpenAsync(QuickStartApp.ProjectPath, cancellationToken: cancelled.Token));
    }

    [TestMethod]
    public void FromOpenFailure_BuildHostFindsNoSdk_SaysToInstallTheSdk()
    {
        // What MSBuildWorkspace 4.14 throws when the dotnet host has runtimes but no SDK (measured with a copied host).
        var remote = new InvalidOperationException(
            "An exception of type System.InvalidOperationException was thrown: Failed to find all versions of .NET Core MSBuild. Call to hostfxr_resolve_sdk2. There may be more details in stderr.");

        var error = ProjectLoadException.FromOpenFailure("/app/App.csproj", remote);

        StringAssert.StartsWith(error.Message, "No .NET SDK was found to load '/app/App.csproj'");
        StringAssert.Contains(error.Message, "dotnet --list-sdks");
        Assert.AreSame(remote, error.InnerException);
    }

    [TestMethod]
    public void FromOpenFailure_OtherError_SaysMSBuildCouldNotOpenIt()
    {
        var error = ProjectLoadException.FromOpenFailure("/app/App.csproj", new IOException("disk on fire."));

        Assert.AreEqual("MSBuild could not open '/app/App.csproj': disk on fire. Check that 'dotnet build' succeeds for it.", error.Message);
    }
}
