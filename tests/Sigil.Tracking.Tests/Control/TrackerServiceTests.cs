using Sigil.Runtime.Tracking;
using Sigil.Tracking.Control;

namespace Sigil.Tracking.Tests.Control;

[TestClass]
public sealed class TrackerServiceTests
{
    [TestMethod]
    public void StartStop_WritesTheSwitchAndReportsTheLog()
    {
        using var log = new LogFixture();
        log.Write(7, 8);

        var stopped = TrackerService.Stop(log.SigilDirectory);
        var started = TrackerService.Start(log.SigilDirectory);

        Assert.IsFalse(stopped.Enabled);
        Assert.IsTrue(started.Enabled);
        Assert.IsTrue(TrackerState.Read(log.SigilDirectory).Enabled);
        Assert.AreEqual(2, started.Records);
        Assert.AreEqual(1, started.Segments);
        Assert.IsNotNull(started.ChangedBy);
        Assert.IsNotNull(started.LastRecordAt);
    }

    [TestMethod]
    public void Status_CorruptSwitchFile_ClearError()
    {
        var sigil = Path.Combine(Directory.CreateTempSubdirectory("sigil-corrupt-").FullName, ".sigil");
        Directory.CreateDirectory(sigil);
        File.WriteAllText(Path.Combine(sigil, "tracker.json"), "{{{");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => TrackerService.Status(sigil));

        StringAssert.Contains(error.Message, "sigil tracker");
    }
}
