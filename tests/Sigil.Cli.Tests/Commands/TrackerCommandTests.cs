using System.Text.Json;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands;

[TestClass]
public sealed class TrackerCommandTests
{
    [TestMethod]
    public void StartStopStatus_FlipTheSwitchAndReportTheLog()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        SampleWriter.Write(folder.Path, "quickstart", 1, 2, 3);

        var start = SigilCli.Run(folder.Path, "tracker", "start");
        var statusOn = JsonDocument.Parse(SigilCli.Run(folder.Path, "tracker", "status", "--json").StandardOutput).RootElement;
        var stop = SigilCli.Run(folder.Path, "tracker", "stop", "--json");

        Assert.AreEqual(0, start.ExitCode, start.ToString());
        StringAssert.Contains(start.StandardOutput, "Tracker on");
        StringAssert.Contains(start.StandardOutput, "3 records in 1 segments");
        Assert.IsTrue(statusOn.GetProperty("enabled").GetBoolean());
        Assert.AreEqual(3, statusOn.GetProperty("records").GetInt32());
        Assert.IsFalse(JsonDocument.Parse(stop.StandardOutput).RootElement.GetProperty("enabled").GetBoolean());
    }

    [TestMethod]
    [DataRow("start")]
    [DataRow("stop")]
    [DataRow("status")]
    public void Tracker_OutsideAProject_SaysToInit(string verb)
    {
        using var folder = new TempFolder();

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "tracker", verb), 1, "sigil init");
        Assert.IsEmpty(folder.Snapshot());
    }

    [TestMethod]
    public void Status_CorruptSwitchFile_OneLineErrorAndFileKept()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        File.WriteAllText(folder.Combine(".sigil", "tracker.json"), "{oops");

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "tracker", "status"), 1, "tracker.json");
        Assert.AreEqual("{oops", File.ReadAllText(folder.Combine(".sigil", "tracker.json")));
    }

    [TestMethod]
    public void Tracker_UnknownVerb_UsageError()
    {
        using var folder = new TempFolder();

        var result = SigilCli.Run(folder.Path, "tracker", "pause");

        SigilCli.AssertFails(result, 2, "sigil --help");
    }
}
