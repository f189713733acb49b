using Sigil.Evaluation.Measurement;

namespace Sigil.Evaluation.Tests.Measurement;

[TestClass]
public sealed class ErrorTaxonomyTests
{
    [TestMethod]
    public void FromExceptionTypes_PerCallTypes_CountedByType()
    {
        var errors = ErrorTaxonomy.FromExceptionTypes(["System.ArgumentException", null, "System.ArgumentException", "System.IO.IOException", null]);

        Assert.AreEqual(2, errors.Exceptions["System.ArgumentException"]);
        Assert.AreEqual(1, errors.Exceptions["System.IO.IOException"]);
        Assert.AreEqual(3, errors.ExceptionCount);
        Assert.AreEqual(FailureKinds.Exception, errors.ErrorClass);
    }

    [TestMethod]
    public void Merge_TwoTaxonomies_SumsEveryClass()
    {
        var compile = new ErrorTaxonomy(compileErrors: 2);
        var run = new ErrorTaxonomy(new Dictionary<string, long> { ["A"] = 1, ["B"] = 2 }, timeouts: 1);
        var more = new ErrorTaxonomy(new Dictionary<string, long> { ["B"] = 3 }, policyViolations: 1, crashes: 1);

        var merged = compile.Merge(run).Merge(more);

        Assert.AreEqual(1, merged.Exceptions["A"]);
        Assert.AreEqual(5, merged.Exceptions["B"]);
        Assert.AreEqual(1, merged.Timeouts);
        Assert.AreEqual(1, merged.PolicyViolations);
        Assert.AreEqual(2, merged.CompileErrors);
        Assert.AreEqual(1, merged.Crashes);
        Assert.AreEqual(11, merged.Total);
        Assert.AreEqual(merged, more.Merge(run).Merge(compile));
    }

    [TestMethod]
    public void ErrorClass_SeveralClasses_MostSevereWins()
    {
        Assert.IsNull(ErrorTaxonomy.None.ErrorClass);
        Assert.AreEqual(FailureKinds.Timeout, new ErrorTaxonomy(new Dictionary<string, long> { ["X"] = 1 }, timeouts: 1).ErrorClass);
        Assert.AreEqual(FailureKinds.Crash, new ErrorTaxonomy(timeouts: 1, crashes: 1).ErrorClass);
        Assert.AreEqual(FailureKinds.PolicyViolation, new ErrorTaxonomy(crashes: 1, policyViolations: 1).ErrorClass);
        Assert.AreEqual(FailureKinds.CompileError, new ErrorTaxonomy(policyViolations: 1, compileErrors: 1).ErrorClass);
    }

    [TestMethod]
    public void ExceptionsBeyond_BaselineThrowsSome_OnlyExcessListed()
    {
        var baseline = new ErrorTaxonomy(new Dictionary<string, long> { ["System.FormatException"] = 2 });
        var candidate = new ErrorTaxonomy(new Dictionary<string, long> { ["System.FormatException"] = 2, ["System.NullReferenceException"] = 1 });

        var beyond = candidate.ExceptionsBeyond(baseline);

        Assert.HasCount(1, beyond);
        Assert.AreEqual(("System.NullReferenceException", 1L, 0L), beyond[0]);
        Assert.IsEmpty(baseline.ExceptionsBeyond(candidate));
    }

    [TestMethod]
    public void Constructor_ZeroCountsDroppedNegativeRejected()
    {
        var errors = new ErrorTaxonomy(new Dictionary<string, long> { ["A"] = 0 });

        Assert.IsEmpty(errors.Exceptions);
        Assert.AreEqual(ErrorTaxonomy.None, errors);
        Assert.ThrowsExactly<ArgumentException>(() => new ErrorTaxonomy(new Dictionary<string, long> { ["A"] = -1 }));
        Assert.ThrowsExactly<ArgumentException>(() => new ErrorTaxonomy(new Dictionary<string, long> { [" "] = 1 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ErrorTaxonomy(timeouts: -1));
    }
}
