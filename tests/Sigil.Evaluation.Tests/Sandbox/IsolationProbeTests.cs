using Sigil.Evaluation.Sandbox;

namespace Sigil.Evaluation.Tests.Sandbox;

/// <summary>The isolation probe on this machine: it tries the tools for real and says plainly what is in force.</summary>
[TestClass]
public sealed class IsolationProbeTests
{
    [TestMethod]
    public void Detect_BubblewrapInstalled_ReportsBubblewrapWithNoNetworkAndIsolatedFiles()
    {
        if (!OperatingSystem.IsLinux() || IsolationProbe.FindOnPath("bwrap") is null) Assert.Inconclusive("bubblewrap is not installed here (apt-get install bubblewrap)");

        var report = IsolationProbe.Detect();

        Assert.AreEqual(IsolationKind.Bubblewrap, report.Kind, report.Summary);
        Assert.IsTrue(report.NoNetwork && report.FileSystemIsolated);
        StringAssert.StartsWith(report.Summary, "isolation: bubblewrap (no network, read-only file system");
        Assert.IsNull(report.Hint);
        Assert.AreEqual(report.Summary, report.ToString());
    }

    [TestMethod]
    public void Detect_WhateverTheMachine_SummarySaysWhatIsMissingAndHowToGetIt()
    {
        var report = IsolationProbe.Detect();

        StringAssert.StartsWith(report.Summary, "isolation: ");
        if (report.Kind != IsolationKind.Bubblewrap)
        {
            StringAssert.Contains(report.Summary, "bubblewrap");
            Assert.IsNotNull(report.Hint);
        }
    }

    [TestMethod]
    public void For_Off_NoIsolationAndSaysItWasTurnedOff()
    {
        var report = IsolationProbe.For(IsolationMode.Off);

        Assert.AreEqual(IsolationKind.None, report.Kind);
        Assert.IsFalse(report.NoNetwork || report.FileSystemIsolated);
        StringAssert.StartsWith(report.Summary, "isolation: off");
    }

    [TestMethod]
    public void For_Required_BubblewrapOrSandboxUnavailable()
    {
        if (IsolationProbe.Detect().Kind == IsolationKind.Bubblewrap)
        {
            Assert.AreEqual(IsolationKind.Bubblewrap, IsolationProbe.For(IsolationMode.Required).Kind);
        }
        else
        {
            var error = Assert.ThrowsExactly<SandboxUnavailableException>(() => IsolationProbe.For(IsolationMode.Required));
            StringAssert.Contains(error.Message, "apt-get install bubblewrap");
        }
    }
}
