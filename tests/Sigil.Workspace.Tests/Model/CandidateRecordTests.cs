using Sigil.Core.Identity;
using Sigil.Workspace.Model;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Model;

[TestClass]
public sealed class CandidateRecordTests
{
    [TestMethod]
    public void Create_AnyInput_IdIsComputedFromDiffAndPatch()
    {
        var candidate = Samples.Candidate("return checked(a + b);");

        Assert.AreEqual(CandidateId.Compute(candidate.Diff, candidate.AstPatch), candidate.Id);
        Assert.AreEqual(candidate.Id, candidate.ComputeId());
        StringAssert.StartsWith(candidate.Diff, "--- a/src/Calc.cs\n+++ b/src/Calc.cs\n");
    }

    [TestMethod]
    public void CreatedAt_WithOffset_IsNormalizedToUtcSameInstant()
    {
        var local = new DateTimeOffset(2025, 9, 7, 23, 15, 0, TimeSpan.FromHours(2));

        var candidate = Samples.Candidate("return checked(a + b);") with { CreatedAt = local };

        Assert.AreEqual(TimeSpan.Zero, candidate.CreatedAt.Offset);
        Assert.AreEqual(local.UtcTicks, candidate.CreatedAt.UtcTicks);
    }

    [TestMethod]
    public void Equality_ProvenanceWithEqualMaps_IsByContent()
    {
        var left = Samples.Candidate("return checked(a + b);");
        var right = Samples.Candidate("return checked(a + b);");

        Assert.AreEqual(left, right);
        Assert.AreEqual(left.GetHashCode(), right.GetHashCode());
        Assert.AreNotEqual(left, right with { Provenance = right.Provenance with { OptimizerParameters = new Dictionary<string, string>() } });
    }
}
