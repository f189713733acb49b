using Sigil.Evaluation.Samples;

namespace Sigil.Evaluation.Tests.Samples;

/// <summary>Which tracked calls become replayable samples, built from real sample logs.</summary>
[TestClass]
public sealed class SampleSetBuilderTests
{
    [TestMethod]
    public void Build_RawInputs_ArgumentsAsRawJsonInDeclarationOrder()
    {
        using var log = new SampleLogFixture();
        log.Score(49.5, 1, 2, 3);
        log.Score(-2, 7);
        log.Flush();

        var set = SampleSetBuilder.Build(log.Log, Selection(SampleLogFixture.ScoreId, "x", "values"));

        Assert.AreEqual(2, set.Matched);
        Assert.HasCount(2, set.Visible);
        CollectionAssert.AreEqual(new[] { "49.5", "[1,2,3]" }, set.Visible[0].Arguments.ToArray());
        CollectionAssert.AreEqual(new[] { "-2", "[7]" }, set.Visible[1].Arguments.ToArray());
        Assert.AreEqual("x=49.5, values=int[3] in [1, 3]", set.Visible[0].Sketch);
        Assert.AreEqual("[49.5,[1,2,3]]", set.Visible[0].TupleJson);
        Assert.AreEqual(32, set.Visible[0].TraceId.Length);
        CollectionAssert.AreEqual(new[] { "49.5", "[1,2,3]" }, set.Arguments(SamplePart.Visible)[0].ToArray());
    }

    [TestMethod]
    public void Build_ParameterNamesReversed_ArgumentsFollowTheGivenOrder()
    {
        using var log = new SampleLogFixture();
        log.Score(1.25, 4, 5);
        log.Flush();

        var set = SampleSetBuilder.Build(log.Log, Selection(SampleLogFixture.ScoreId, "values", "x"));

        CollectionAssert.AreEqual(new[] { "[4,5]", "1.25" }, set.Visible.Single().Arguments.ToArray());
    }

    [TestMethod]
    public void Build_FunctionPrefix_SelectsOnlyThatPin()
    {
        using var log = new SampleLogFixture();
        log.Score(1, 1);
        log.Twice(21);
        log.Twice(22);
        log.Flush();
        var prefix = SampleLogFixture.TwiceId[..SampleLogFixture.TwiceId.IndexOf('(', StringComparison.Ordinal)];

        var set = SampleSetBuilder.Build(log.Log, Selection(prefix, "n"));

        Assert.AreEqual(2, set.Matched);
        CollectionAssert.AreEqual(new[] { "21", "22" }, set.Visible.Select(s => s.Arguments.Single()).ToArray());
        Assert.AreEqual("n=21", set.Visible[0].Sketch);
    }

    [TestMethod]
    public void Build_NoRawPermission_BooleansAndNullsReplayStringsSkippedAndCounted()
    {
        using var log = new SampleLogFixture();
        log.Flags(true, null);
        log.Flags(false, "Ada");
        log.Flags(false, null);
        log.Flush();

        var set = SampleSetBuilder.Build(log.Log, Selection(SampleLogFixture.FlagsId, "flag", "name"));

        Assert.AreEqual(3, set.Matched);
        Assert.AreEqual(1, set.Skipped);
        CollectionAssert.AreEqual(new[] { "true", "null" }, set.Visible[0].Arguments.ToArray());
        CollectionAssert.AreEqual(new[] { "false", "null" }, set.Visible[1].Arguments.ToArray());
        Assert.AreEqual("flag=true, name=null", set.Visible[0].Sketch);
        var reason = set.SkipReasons.Single();
        Assert.AreEqual(1, reason.Value);
        Assert.AreEqual("'name' was stored as a sketch only: the spec does not set StoreRawInputs = true; set it and track again", reason.Key);
        StringAssert.Contains(set.Describe(), "3 tracked calls, 1 not replayable");
    }

    [TestMethod]
    public void Build_NoRawPermissionAtAll_ClearErrorNamingStoreRawInputs()
    {
        using var log = new SampleLogFixture();
        log.Plain(3.5);
        log.Plain(4.5);
        log.Flush();

        var error = Assert.ThrowsExactly<SampleSetException>(() => SampleSetBuilder.Build(log.Log, Selection(SampleLogFixture.PlainId, "x")));

        Assert.AreEqual(
            $"None of the 2 tracked calls of {SampleLogFixture.PlainId} can be replayed: 'x' was stored as a sketch only: the spec does not set StoreRawInputs = true; set it and track again (2 calls).",
            error.Message);
    }

    [TestMethod]
    public void Build_SensitiveParameter_NotReplayableAndSaysWhy()
    {
        using var log = new SampleLogFixture();
        log.Secret(1.5, "hunter2");
        log.Flush();

        var error = Assert.ThrowsExactly<SampleSetException>(() => SampleSetBuilder.Build(log.Log, Selection(SampleLogFixture.SecretId, "x", "token")));

        StringAssert.Contains(error.Message, "'token' is [Sensitive]: its value is never stored");
        Assert.IsFalse(error.Message.Contains("hunter2", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Build_FunctionNeverCalled_ClearError()
    {
        using var log = new SampleLogFixture();
        log.Twice(1);
        log.Flush();

        var error = Assert.ThrowsExactly<SampleSetException>(() => SampleSetBuilder.Build(log.Log, Selection(SampleLogFixture.ScoreId, "x", "values")));

        StringAssert.Contains(error.Message, "has no tracked call of " + SampleLogFixture.ScoreId);
        StringAssert.Contains(error.Message, "sigil tracker start");
    }

    [TestMethod]
    public void Build_WrongParameterName_ErrorListsTheRecordedInputs()
    {
        using var log = new SampleLogFixture();
        log.Score(1, 2);
        log.Flush();

        var error = Assert.ThrowsExactly<SampleSetException>(() => SampleSetBuilder.Build(log.Log, Selection(SampleLogFixture.ScoreId, "x", "vals")));

        StringAssert.Contains(error.Message, "the record has no input 'vals' (its inputs: x, values)");
    }

    [TestMethod]
    [DataRow(1.0, 10, "x")]
    [DataRow(-0.1, 10, "x")]
    [DataRow(0.2, 0, "x")]
    [DataRow(0.2, 10, "")]
    public void Build_InvalidSelection_Throws(double holdoutShare, int maxSamples, string name)
    {
        using var log = new SampleLogFixture();
        var selection = Selection(SampleLogFixture.TwiceId, name) with { HoldoutShare = holdoutShare, MaxSamples = maxSamples };

        Assert.Throws<ArgumentException>(() => SampleSetBuilder.Build(log.Log, selection));
    }

    [TestMethod]
    public void Build_DuplicateParameterNames_Throws()
    {
        using var log = new SampleLogFixture();

        var error = Assert.ThrowsExactly<ArgumentException>(() => SampleSetBuilder.Build(log.Log, Selection(SampleLogFixture.ScoreId, "x", "x")));

        StringAssert.Contains(error.Message, "distinct");
    }

    internal static SampleSelection Selection(string functionId, params string[] names) =>
        new() { FunctionId = functionId, ParameterNames = names, HoldoutShare = 0 };
}
