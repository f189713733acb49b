using System.Text.Json;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands;

[TestClass]
public sealed class InitCommandTests
{
    [TestMethod]
    public void Init_FolderWithOneProject_CreatesConfigWorkspaceAndSamples()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");

        var result = SigilCli.Run(folder.Path, "init");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.StandardOutput, "Initialized Sigil");
        Assert.AreEqual("App.csproj", JsonDocument.Parse(File.ReadAllText(folder.Combine("sigil.json"))).RootElement.GetProperty("project").GetString());
        Assert.IsTrue(File.Exists(folder.Combine(".sigil", "workspace.db")));
        Assert.IsTrue(Directory.Exists(folder.Combine(".sigil", "samples")));
    }

    [TestMethod]
    public void Init_InAGitRepository_LeavesTheTreeClean()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Git(folder.Path, "init", "-q");

        Assert.AreEqual(0, SigilCli.Run(folder.Path, "init").ExitCode);

        Assert.IsFalse(File.Exists(folder.Combine(".gitignore")), "the project's own .gitignore is not touched");
        var status = Git(folder.Path, "status", "--porcelain", "--untracked-files=all");
        CollectionAssert.AreEquivalent(new[] { "?? App.csproj", "?? sigil.json" }, status.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            "only sigil.json is new to git; .sigil/ (workspace, samples) is ignored");
    }

    private static string Git(string directory, params string[] args)
    {
        var result = Shell.Run(directory, "git", args);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return result.StandardOutput;
    }

    [TestMethod]
    public void Init_Twice_ChangesNothing()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        var before = folder.Snapshot();

        var result = SigilCli.Run(folder.Path, "init", "--json");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsFalse(JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("created").GetBoolean());
        CollectionAssert.AreEquivalent(before.ToList(), folder.Snapshot().ToList());
    }

    [TestMethod]
    public void Init_MissingFolder_OneLineError()
    {
        using var folder = new TempFolder();

        var result = SigilCli.Run(folder.Path, "init", "--project", "does/not/exist");

        SigilCli.AssertFails(result, 1, "does not exist");
        Assert.IsEmpty(folder.Snapshot());
    }
}
