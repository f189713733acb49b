using System.Diagnostics;
using Sigil.Runtime;

namespace Sigil.Runtime.Tests.Dispatch;

[TestClass]
public sealed class TrackerSwitchTests
{
    private static TimeSpan WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                Assert.Fail($"condition not met within {timeout}");
            }
            Thread.Sleep(10);
        }
        return watch.Elapsed;
    }

    [TestMethod]
    public void Initialize_SwitchAlreadyOn_TrackingStartsImmediately()
    {
        using var project = new TempProject(trackingOn: true);

        Assert.IsTrue(project.Project.TrackingEnabled);
        Assert.IsTrue(SigilDispatcher.Active);
    }

    [TestMethod]
    public void Initialize_NoSwitchFile_TrackingOff()
    {
        using var project = new TempProject(trackingOn: false);

        Assert.IsFalse(project.Project.TrackingEnabled);
        Assert.IsFalse(Directory.Exists(Path.Combine(project.SigilDirectory, "samples")), "nothing is written while off");
    }

    [TestMethod]
    public void SwitchFile_ToggledWhileRunning_NoticedWithinOneSecond()
    {
        using var project = new TempProject(trackingOn: false);

        project.SetTracking(true);
        var on = WaitFor(() => project.Project.TrackingEnabled, TimeSpan.FromSeconds(1));
        project.SetTracking(false);
        var off = WaitFor(() => !project.Project.TrackingEnabled, TimeSpan.FromSeconds(1));

        Assert.IsLessThan(TimeSpan.FromSeconds(1), on);
        Assert.IsLessThan(TimeSpan.FromSeconds(1), off);
    }

    [TestMethod]
    public void SwitchFile_Corrupt_KeepsCurrentStateAndRecoversOnRewrite()
    {
        using var project = new TempProject(trackingOn: true);

        File.WriteAllText(Path.Combine(project.SigilDirectory, "tracker.json"), "{ not json");
        Thread.Sleep(500);
        Assert.IsTrue(project.Project.TrackingEnabled, "a corrupt switch file does not flip the state");

        project.SetTracking(false);
        WaitFor(() => !project.Project.TrackingEnabled, TimeSpan.FromSeconds(1));
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Stop_ThenStart_SealsTheFirstSegmentAndOpensANewOne()
    {
        using var project = new TempProject(trackingOn: true);
        var tracker = project.Project.Register<ValueTuple<int>, int>(TempProject.Pin("Id", ["x"], ["int"], returnType: "int"));
        void Call(int x)
        {
            var args = new ValueTuple<int>(x);
            var call = tracker.Begin(in args);
            tracker.End(ref call);
            tracker.Record(ref call, in args, x, 1, null);
        }

        Call(1);
        project.Project.Flush();
        project.SetTracking(false);
        WaitFor(() => !project.Project.TrackingEnabled, TimeSpan.FromSeconds(1));
        var samples = Path.Combine(project.SigilDirectory, "samples");
        WaitFor(() => Directory.GetFiles(samples).All(f => (File.GetUnixFileMode(f) & UnixFileMode.UserWrite) == 0), TimeSpan.FromSeconds(2));
        project.SetTracking(true);
        WaitFor(() => project.Project.TrackingEnabled, TimeSpan.FromSeconds(1));
        Call(2);

        var records = project.Records();

        Assert.HasCount(2, Directory.GetFiles(samples));
        CollectionAssert.AreEqual(new[] { 1, 2 }, records.Select(r => r.Inputs["x"].Value!.Value.GetInt32()).ToArray());
    }
}
