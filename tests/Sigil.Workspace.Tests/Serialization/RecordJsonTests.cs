using System.Text;
using Sigil.Workspace.Model;
using Sigil.Workspace.Serialization;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Serialization;

[TestClass]
public sealed class RecordJsonTests
{
    [TestMethod]
    public void ReadCandidate_WrittenCandidate_RoundTrips()
    {
        var root = Samples.Candidate("return checked(a + b);");
        var child = Samples.Candidate("return b + a;", root, "return checked(a + b);");

        Assert.AreEqual(root, RecordJson.ReadCandidate(RecordJson.WriteCandidate(root)));
        Assert.AreEqual(child, RecordJson.ReadCandidate(RecordJson.WriteCandidate(child)));
    }

    [TestMethod]
    public void ReadMembership_WrittenMembership_RoundTripsWithContentId()
    {
        var member = Samples.Candidate("return b + a;", workspace: "v2", summary: "in v2");
        var membership = CandidateMembership.Of(member);

        var read = RecordJson.ReadMembership(RecordJson.WriteMembership(membership));

        Assert.AreEqual(membership, read);
        Assert.AreEqual(read.Id, read.ComputeId());
        Assert.AreNotEqual(membership.Id, CandidateMembership.Of(member with { Summary = "other" }).Id);
        Assert.AreEqual(member, read.ToRecord(member with { Workspace = "v1", Summary = "original" }));
    }

    [TestMethod]
    public void ReadEvaluation_WrittenEvaluation_RoundTrips()
    {
        var evaluation = Samples.Evaluation(Samples.Candidate("return b + a;").Id, double.NaN, correct: false);

        Assert.AreEqual(evaluation, RecordJson.ReadEvaluation(RecordJson.WriteEvaluation(evaluation)));
    }

    [TestMethod]
    public void ReadCandidate_UnknownOrDuplicateOrMissingProperty_IsRejected()
    {
        var json = Encoding.UTF8.GetString(RecordJson.WriteCandidate(Samples.Candidate("return b + a;")));

        var unknown = Assert.ThrowsExactly<RecordFormatException>(() => RecordJson.ReadCandidate(Encoding.UTF8.GetBytes(json.Replace("{\"ast_patch\"", "{\"extra\":1,\"ast_patch\"", StringComparison.Ordinal))));
        var duplicate = Assert.ThrowsExactly<RecordFormatException>(() => RecordJson.ReadCandidate(Encoding.UTF8.GetBytes(json.Replace("{\"ast_patch\"", "{\"summary\":\"x\",\"ast_patch\"", StringComparison.Ordinal))));
        var missing = Assert.ThrowsExactly<RecordFormatException>(() => RecordJson.ReadCandidate(Encoding.UTF8.GetBytes("{\"schema\":\"sigil/candidate@1\"}")));

        StringAssert.Contains(unknown.Message, "unknown property 'extra'");
        StringAssert.Contains(duplicate.Message, "not valid JSON");
        StringAssert.Contains(missing.Message, "missing the required property 'id'");
    }
}
