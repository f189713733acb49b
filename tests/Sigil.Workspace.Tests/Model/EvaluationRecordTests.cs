using System.Text;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Model;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Model;

[TestClass]
public sealed class EvaluationRecordTests
{
    private static readonly CandidateId Candidate = new(new string('c', 64));

    [TestMethod]
    public void ToCanonicalJson_KnownRecord_IsPinnedFormat()
    {
        var evaluation = EvaluationRecord.Create(
            Candidate, "accuracy", "3", "b3:" + new string('5', 64),
            new Dictionary<string, double> { ["z"] = 0.1, ["a"] = 1e21, ["nan"] = double.NaN, ["neg"] = -0.0 },
            false, "timeout", new DateTimeOffset(2025, 9, 7, 23, 15, 0, TimeSpan.FromHours(2)));

        var json = Encoding.UTF8.GetString(evaluation.ToCanonicalJson());

        Assert.AreEqual(
            "{\"candidate\":\"diff://b3:" + new string('c', 64) + "\",\"correct\":false,\"created_at\":\"2025-09-07T21:15:00.0000000Z\"," +
            "\"error_class\":\"timeout\",\"evaluator\":\"accuracy\",\"evaluator_version\":\"3\"," +
            "\"metrics\":{\"a\":1E+21,\"nan\":\"NaN\",\"neg\":-0,\"z\":0.1},\"sample_set\":\"b3:" + new string('5', 64) + "\"," +
            "\"schema\":\"sigil/evaluation@1\"}",
            json);
        Assert.AreEqual("b3:" + Blake3Digest.Hex(json), evaluation.Id);
    }

    [TestMethod]
    public void Create_SameContent_SameIdAndDifferentContentDifferentId()
    {
        var first = Samples.Evaluation(Candidate, 0.5);
        var same = Samples.Evaluation(Candidate, 0.5);
        var other = Samples.Evaluation(Candidate, 0.25);

        Assert.AreEqual(first.Id, same.Id);
        Assert.AreEqual(first, same);
        Assert.AreNotEqual(first.Id, other.Id);
        Assert.AreEqual(first.Id, first.ComputeId());
    }
}
