using System.Text;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Model;

/// <summary>The raw answer of a trial is capped and cleaned on assignment, so any generator output can be logged.</summary>
[TestClass]
public sealed class TrialRecordTests
{
    private static readonly RunId Run = RunSamples.Run().Id;

    [TestMethod]
    public void Answer_OverTheCap_IsCutAtACharacterBoundaryAndSaysSo()
    {
        // 'é' is 2 bytes and '😀' 4: the cap falls inside a character, which must not be split.
        var answer = "x" + string.Concat(Enumerable.Repeat("é😀", 50_000));
        var full = Encoding.UTF8.GetByteCount(answer);

        var trial = RunSamples.Rejected(Run, 0) with { Answer = answer };

        Assert.IsTrue(trial.AnswerTruncated);
        Assert.AreEqual(full, trial.AnswerBytes);
        var kept = Encoding.UTF8.GetByteCount(trial.Answer!);
        Assert.IsLessThanOrEqualTo(WorkspaceLimits.MaxAnswerBytes, kept);
        Assert.IsGreaterThan(WorkspaceLimits.MaxAnswerBytes - 4, kept);
        StringAssert.StartsWith(answer, trial.Answer!);
        Assert.IsFalse(char.IsHighSurrogate(trial.Answer![^1]));
    }

    [TestMethod]
    public void Answer_AtTheCap_IsKeptWhole()
    {
        var answer = new string('a', WorkspaceLimits.MaxAnswerBytes);

        var trial = RunSamples.Rejected(Run, 0) with { Answer = answer };

        Assert.AreEqual(answer, trial.Answer);
        Assert.IsFalse(trial.AnswerTruncated);
        Assert.AreEqual(WorkspaceLimits.MaxAnswerBytes, trial.AnswerBytes);
    }

    [TestMethod]
    public void Answer_WithNulAndUnpairedSurrogate_IsStoredWithReplacementCharacters()
    {
        var trial = RunSamples.Rejected(Run, 0) with { Answer = "a\0b\ud800c😀" };

        Assert.AreEqual("a\uFFFDb\uFFFDc😀", trial.Answer);
        Assert.AreEqual(Encoding.UTF8.GetByteCount("a\uFFFDb\uFFFDc😀"), trial.AnswerBytes);
    }

    [TestMethod]
    public void InsertTrial_LargeAnswer_IsStoredCappedAndReinsertIsIdempotent()
    {
        using var directory = new TempDirectory();
        using var store = LiteDbWorkspaceStore.Open(directory.File(".sigil"));
        var run = RunSamples.Run();
        store.InsertRun(run);
        var answer = string.Concat(Enumerable.Repeat("<<<<<<< SEARCH\n    return a + b;\n=======\n    return b + a;\n>>>>>>> REPLACE\n", 6_000));
        var trial = RunSamples.Rejected(run.Id, 0, "no-usable-edit", "The answer repeats the same edit.") with { Answer = answer };

        store.InsertTrial(trial);
        var again = store.InsertTrial(RunSamples.Rejected(run.Id, 0, "no-usable-edit", "The answer repeats the same edit.") with { Answer = answer });

        Assert.IsTrue(again.AlreadyExisted);
        var stored = store.ListTrials(run.Id).Single();
        Assert.AreEqual(trial, stored);
        Assert.IsTrue(stored.AnswerTruncated);
        Assert.AreEqual(Encoding.UTF8.GetByteCount(answer), stored.AnswerBytes);
        Assert.AreEqual(WorkspaceLimits.MaxAnswerBytes, Encoding.UTF8.GetByteCount(stored.Answer!));
    }

    [TestMethod]
    public void Equality_SameFields_AreEqual()
    {
        Assert.AreEqual(RunSamples.Rejected(Run, 3), RunSamples.Rejected(Run, 3));
        Assert.AreNotEqual(RunSamples.Rejected(Run, 3), RunSamples.Rejected(Run, 3) with { OutputTokens = 13 });
        Assert.AreEqual(RunSamples.Rejected(Run, 3).ComputeDigest(), RunSamples.Rejected(Run, 3).ComputeDigest());
        Assert.AreEqual(1500, RunSamples.Rejected(Run, 3).Tokens + 588);
    }
}
