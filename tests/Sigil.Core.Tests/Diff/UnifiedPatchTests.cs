using Sigil.Core.Diff;

namespace Sigil.Core.Tests.Diff;

[TestClass]
public sealed class UnifiedPatchTests
{
    [TestMethod]
    public void ApplyAll_DiffsOfRandomEdits_RebuildTheEditedTexts()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 300; trial++)
        {
            var before = RandomText(random);
            var after = Edit(before, random);
            var diff = UnifiedDiff.Create(before, after, "src/A.cs");
            var sources = new Dictionary<string, string> { ["src/A.cs"] = before, ["B.cs"] = "unchanged\n" };

            var patched = UnifiedPatch.ApplyAll(sources, diff);

            Assert.AreEqual(after.Replace("\r\n", "\n"), patched["src/A.cs"], $"trial {trial}:\n{diff}");
            Assert.AreEqual("unchanged\n", patched["B.cs"]);
        }
    }

    [TestMethod]
    public void ApplyAll_ContextThatDoesNotMatch_ThrowsAndNamesTheLine()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\n", "a\nB\nc\n", "f.cs");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => UnifiedPatch.ApplyAll(new Dictionary<string, string> { ["f.cs"] = "a\nx\nc\n" }, diff));

        StringAssert.Contains(error.Message, "line 2");
    }

    [TestMethod]
    public void ApplyAll_FileNotInSources_Throws()
    {
        var diff = UnifiedDiff.Create("a\n", "b\n", "missing.cs");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => UnifiedPatch.ApplyAll(new Dictionary<string, string>(), diff));

        StringAssert.Contains(error.Message, "missing.cs");
    }

    [TestMethod]
    public void ApplyAll_Garbage_ThrowsInvalidData()
    {
        Assert.ThrowsExactly<InvalidDataException>(() => UnifiedPatch.ApplyAll(new Dictionary<string, string> { ["f.cs"] = "a\n" }, "hello\nworld\n"));
    }

    private static string RandomText(Random random)
    {
        var lines = Enumerable.Range(0, random.Next(0, 30)).Select(_ => "line" + random.Next(8)).ToList();
        var text = string.Join("\n", lines);
        return lines.Count > 0 && random.Next(3) > 0 ? text + "\n" : text;
    }

    private static string Edit(string text, Random random)
    {
        var endsWithNewline = text.EndsWith('\n');
        var lines = (endsWithNewline ? text[..^1] : text).Split('\n').Where(_ => text.Length > 0).ToList();
        for (var k = random.Next(1, 5); k > 0; k--)
        {
            var at = random.Next(lines.Count + 1);
            switch (random.Next(3))
            {
                case 0: lines.Insert(at, "new" + random.Next(100)); break;
                case 1 when lines.Count > 0: lines.RemoveAt(Math.Min(at, lines.Count - 1)); break;
                default: if (lines.Count > 0) lines[Math.Min(at, lines.Count - 1)] = "changed" + random.Next(100); break;
            }
        }
        var result = string.Join("\n", lines);
        var newline = random.Next(4) == 0 ? !endsWithNewline : endsWithNewline;
        return lines.Count > 0 && newline ? result + "\n" : result;
    }
}
