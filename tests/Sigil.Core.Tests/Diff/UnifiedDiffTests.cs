using Sigil.Core.Diff;

namespace Sigil.Core.Tests.Diff;

[TestClass]
public sealed class UnifiedDiffTests
{
    [TestMethod]
    public void Create_OneLineChanged_GitStyleHunkWithContext()
    {
        var before = "a\nb\nc\nd\ne\nf\ng\n";
        var after = "a\nb\nc\nD\ne\nf\ng\n";

        var diff = UnifiedDiff.Create(before, after, "K.cs");

        Assert.AreEqual("--- a/K.cs\n+++ b/K.cs\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n", diff);
    }

    [TestMethod]
    public void Create_DistantChanges_TwoHunksWithCorrectRanges()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20)) + "\n";
        var after = before.Replace("\n2\n", "\ntwo\n").Replace("\n18\n", "\n18\n18b\n");

        var diff = UnifiedDiff.Create(before, after, "n.txt");

        StringAssert.Contains(diff, "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n");
        // Both hunks exactly as GNU diff -u prints them.
        StringAssert.EndsWith(diff, "@@ -16,5 +16,6 @@\n 16\n 17\n 18\n+18b\n 19\n 20\n");
    }

    [TestMethod]
    public void Create_EqualTexts_Empty()
    {
        Assert.AreEqual("", UnifiedDiff.Create("same\n", "same\r\n", "x"));
    }

    [TestMethod]
    [DataRow("middle change, trailing newline", "a\nb\nc\n", "a\nB\nc\n")]
    [DataRow("middle change, no trailing newline", "a\nb\nc", "a\nB\nc")]
    [DataRow("last line changed, no trailing newline", "a\nb\nc", "a\nb\nC")]
    [DataRow("newline added at the end", "a\nb\nc", "a\nb\nc\n")]
    [DataRow("newline removed at the end", "a\nb\nc\n", "a\nb\nc")]
    [DataRow("line appended after a last line without newline", "a\nb", "a\nb\nc\n")]
    [DataRow("everything deleted", "a\nb\n", "")]
    [DataRow("created from empty", "", "x\ny")]
    public void Create_EdgeCases_GitApplyReproducesTheNewText(string name, string before, string after)
    {
        AssertGitApplyReproduces(before, after, name);
    }

    [TestMethod]
    public void Create_OnlyTheFinalNewlineDiffers_NotEmpty()
    {
        Assert.AreEqual("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n", UnifiedDiff.Create("a", "a\n", "f"));
    }

    private static void AssertGitApplyReproduces(string before, string after, string name)
    {
        var folder = Directory.CreateTempSubdirectory("sigil-diff-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "f.txt"), before);
            File.WriteAllText(Path.Combine(folder, "p.diff"), UnifiedDiff.Create(before, after, "f.txt"));
            var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "apply p.diff")
            {
                WorkingDirectory = folder,
                RedirectStandardError = true,
            })!;
            var error = git.StandardError.ReadToEnd();
            git.WaitForExit();

            Assert.AreEqual(0, git.ExitCode, $"{name}: {error}");
            Assert.AreEqual(after, File.ReadAllText(Path.Combine(folder, "f.txt")), name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Create_AppliedWithGitApply_ReproducesTheNewText()
    {
        var folder = Directory.CreateTempSubdirectory("sigil-diff-").FullName;
        try
        {
            var before = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"line {i}")) + "\n";
            var after = before.Replace("line 3\n", "").Replace("line 17\n", "line 17\nnew A\nnew B\n").Replace("line 29", "LINE 29");
            File.WriteAllText(Path.Combine(folder, "f.txt"), before);
            File.WriteAllText(Path.Combine(folder, "p.diff"), UnifiedDiff.Create(before, after, "f.txt"));

            var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "apply p.diff")
            {
                WorkingDirectory = folder,
                RedirectStandardError = true,
            })!;
            var error = git.StandardError.ReadToEnd();
            git.WaitForExit();

            Assert.AreEqual(0, git.ExitCode, error);
            Assert.AreEqual(after, File.ReadAllText(Path.Combine(folder, "f.txt")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
