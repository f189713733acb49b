using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands;

[TestClass]
public sealed class UsageTests
{
    [TestMethod]
    [DataRow("bogus")]
    [DataRow("inspect-samples")]
    [DataRow("workspace", "export")]
    [DataRow("config", "get")]
    [DataRow("init", "--no-such-flag")]
    [DataRow("run")]
    [DataRow("run", "quickstart")]
    [DataRow("run", "quickstart", "--name", "v1", "--objective", "fastest")]
    [DataRow("compare", "quickstart")]
    [DataRow("show")]
    public void MalformedCommandLine_ExitTwoWithOneLine(params string[] args)
    {
        using var folder = new TempFolder();

        SigilCli.AssertFails(SigilCli.Run(folder.Path, args), 2, "sigil --help");
    }

    [TestMethod]
    public void Help_ListsEveryCommand()
    {
        using var folder = new TempFolder();

        var result = SigilCli.Run(folder.Path, "--help");

        Assert.AreEqual(0, result.ExitCode);
        foreach (var command in new[] { "init", "tracker", "inspect-samples", "inspect-pins", "workspace", "config", "run", "inspect-solutions", "compare", "show" })
        {
            StringAssert.Contains(result.StandardOutput, command);
        }
    }
}
