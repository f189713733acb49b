using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands.Trust;

/// <summary>Command lines <c>sigil promote|verify|publish</c> refuse before doing anything, and their help.</summary>
[TestClass]
public sealed class TrustUsageTests
{
    [TestMethod]
    [DataRow("--expires 0d is out of range", "promote", "quickstart", "v1", "--key", "release", "--expires", "0d")]
    [DataRow("--expires 3661d is out of range", "promote", "quickstart", "v1", "--key", "release", "--expires", "3661d")]
    [DataRow("--expires '90days' is not a duration", "promote", "quickstart", "v1", "--key", "release", "--expires", "90days")]
    [DataRow("--key NAME is required", "promote", "quickstart", "v1")]
    [DataRow("--key 'Bad Key' is not a key name", "promote", "quickstart", "v1", "--key", "Bad Key")]
    [DataRow("--objective 'fastest' is not an objective", "promote", "quickstart", "v1", "--key", "release", "--objective", "fastest")]
    [DataRow("--constraint 'speedup >> 1' is not a policy clause", "promote", "quickstart", "v1", "--key", "release", "--constraint", "speedup >> 1")]
    [DataRow("--non-inferiority 'score_delta<0' is not a non-inferiority clause", "promote", "quickstart", "v1", "--key", "release", "--non-inferiority", "score_delta<0")]
    [DataRow("sigil --help", "promote", "quickstart")]
    [DataRow("sigil --help", "promote", "quickstart", "v1", "--key", "release", "--no-such-flag")]
    [DataRow("sigil --help", "verify")]
    [DataRow("sigil --help", "verify", "sigil.manifest.json", "--bogus")]
    [DataRow("sigil --help", "publish")]
    [DataRow("--branch 'two words' is not a branch name", "publish", "sigil.manifest.json", "--branch", "two words")]
    public void MalformedCommandLine_ExitTwoWithOneLine_NothingWritten(string fragment, params string[] args)
    {
        using var folder = new TempFolder();
        Assert.AreEqual(0, SigilCli.Run(folder.Path, "init").ExitCode);
        var before = folder.Snapshot();

        var result = SigilCli.Run(folder.Path, args);

        SigilCli.AssertFails(result, 2, fragment);
        StringAssert.Contains(result.ErrorLines[0], "sigil --help");
        CollectionAssert.AreEquivalent(before.ToList(), folder.Snapshot().ToList());
    }

    [TestMethod]
    [DataRow("promote", "Sign a manifest", "sigil promote quickstart v1 --key release")]
    [DataRow("verify", "Check a manifest exactly as the resolver", "sigil verify sigil.manifest.json")]
    [DataRow("publish", "Rewrite the pinned methods", "sigil publish sigil.manifest.json")]
    public void Help_HasADescriptionAndAnExample(string command, string description, string example)
    {
        using var folder = new TempFolder();

        var result = SigilCli.Run(folder.Path, command, "--help");
        var top = SigilCli.Run(folder.Path, "--help");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.StandardOutput, description);
        StringAssert.Contains(result.StandardOutput, "EXAMPLES:");
        StringAssert.Contains(result.StandardOutput, example);
        StringAssert.Contains(top.StandardOutput, command);
        StringAssert.Contains(top.StandardOutput, description);
    }
}
