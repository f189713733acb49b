using System.Text.Json;
using Sigil.Cli.Tests.Support;
using Sigil.Core.Diff;
using Sigil.Core.Identity;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Cli.Tests.Commands;

[TestClass]
public sealed class WorkspaceCommandTests
{
    private static CandidateId AddCandidate(string projectDirectory)
    {
        var diff = UnifiedDiff.Create("return x*x;\n", "return x * x;\n", "Kernels.cs");
        var patch = new AstPatch().Replace("Kernels.Square(int)", "a", "b").ToCanonicalString();
        var candidate = CandidateRecord.Create(FunctionId.Parse(SampleWriter.FunctionId), "quickstart", "v1", null, diff, patch,
            new Provenance { GeneratorKind = "rule", Optimizer = "best-of-n" }, DateTimeOffset.UnixEpoch, "spacing");
        using var store = LiteDbWorkspaceStore.Open(Path.Combine(projectDirectory, ".sigil"));
        store.InsertCandidate(candidate);
        return candidate.Id;
    }

    [TestMethod]
    public void ExportThenImport_IntoAnotherProject_CarriesTheCandidates()
    {
        using var source = new TempFolder();
        using var target = new TempFolder();
        SigilCli.Run(source.Path, "init");
        SigilCli.Run(target.Path, "init");
        var id = AddCandidate(source.Path);
        var archive = source.Combine("ws.tar.gz");

        var export = SigilCli.Run(source.Path, "workspace", "export", archive, "--json");
        var import = SigilCli.Run(target.Path, "workspace", "import", archive);
        var again = SigilCli.Run(target.Path, "workspace", "import", archive, "--json");

        Assert.AreEqual(0, export.ExitCode, export.ToString());
        Assert.AreEqual(1, JsonDocument.Parse(export.StandardOutput).RootElement.GetProperty("candidates").GetInt32());
        Assert.AreEqual(0, import.ExitCode, import.ToString());
        StringAssert.Contains(import.StandardOutput, "1 candidates");
        Assert.AreEqual(0, JsonDocument.Parse(again.StandardOutput).RootElement.GetProperty("candidates_added").GetInt32());
        using var store = LiteDbWorkspaceStore.Open(target.Combine(".sigil"));
        Assert.AreEqual("spacing", store.GetCandidate(id)!.Summary);
    }

    [TestMethod]
    public void Import_TamperedArchive_RejectedAndWorkspaceUntouched()
    {
        using var source = new TempFolder();
        using var target = new TempFolder();
        SigilCli.Run(source.Path, "init");
        SigilCli.Run(target.Path, "init");
        AddCandidate(source.Path);
        var archive = source.Combine("ws.tar.gz");
        SigilCli.Run(source.Path, "workspace", "export", archive);
        var bytes = File.ReadAllBytes(archive);
        bytes[bytes.Length / 2] ^= 0x5a;
        File.WriteAllBytes(archive, bytes);
        var before = target.Snapshot();

        var result = SigilCli.Run(target.Path, "workspace", "import", archive);

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        Assert.HasCount(1, result.ErrorLines, result.ToString());
        CollectionAssert.AreEquivalent(before.ToList(), target.Snapshot().ToList());
    }

    [TestMethod]
    public void Export_ExistingFile_RefusesToOverwrite()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        File.WriteAllText(folder.Combine("ws.tar.gz"), "keep me");

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "workspace", "export", "ws.tar.gz"), 1, "never overwrites");
        Assert.AreEqual("keep me", File.ReadAllText(folder.Combine("ws.tar.gz")));
    }

    [TestMethod]
    public void Import_MissingFile_OneLineError()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "workspace", "import", "nope.tar.gz"), 1, "does not exist");
    }
}
