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
