using Sigil.Projects.Pins;

namespace Sigil.Evaluation.Tests.Projects;

/// <summary>BuildOutputLocator: the newest build output, and whether the project's own sources changed after it.</summary>
[TestClass]
public sealed class BuildOutputLocatorTests
{
    private static readonly DateTime s_built = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [TestMethod]
    public void Find_SourcesOlderAndNewerFilesOnlyInBinObjOrHiddenFolders_NotStale()
    {
        var folder = NewProject();
        try
        {
            Touch(folder, "Kernels.cs", s_built.AddMinutes(-5));
            Touch(folder, Path.Combine(".sigil", "ws", "quickstart", "v1", "Kernels.cs"), s_built.AddMinutes(5));
            Touch(folder, Path.Combine(".git", "x.cs"), s_built.AddMinutes(5));
            Touch(folder, Path.Combine("obj", "Debug", "Generated.cs"), s_built.AddMinutes(5));

            var output = BuildOutputLocator.Find(Path.Combine(folder, "App.csproj"));

            Assert.AreEqual(Path.Combine(folder, "bin", "Debug", "net10.0", "App.dll"), output.AssemblyPath);
            Assert.IsFalse(output.Stale);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Find_ASourceInASubfolderChangedAfterTheBuild_Stale()
    {
        var folder = NewProject();
        try
        {
            Touch(folder, "Kernels.cs", s_built.AddMinutes(-5));
            Touch(folder, Path.Combine("Math", "Fast.cs"), s_built.AddMinutes(5));

            Assert.IsTrue(BuildOutputLocator.Find(Path.Combine(folder, "App.csproj")).Stale);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string NewProject()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sigil-build-output-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Touch(folder, Path.Combine("bin", "Debug", "net10.0", "App.dll"), s_built);
        return folder;
    }

    private static void Touch(string folder, string relative, DateTime time)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "// " + relative);
        File.SetLastWriteTimeUtc(path, time);
    }
}
