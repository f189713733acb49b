using System.Diagnostics;
using System.Text.Json;
using Sigil.Cli.Tests.Support;
using Sigil.Tracking.Query;

namespace Sigil.Cli.Tests.Integration;

/// <summary>The tracker across real processes: the app, the CLI, and several apps at once.</summary>
[TestClass]
[DoNotParallelize]
public sealed class TrackerProcessTests
{
    private static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                Assert.Fail($"timed out after {timeout} waiting for {what}");
            }
            Thread.Sleep(20);
        }
    }

    private static IReadOnlyList<long> Inputs(string projectDirectory) =>
        SampleLog.Open(Path.Combine(projectDirectory, ".sigil")).Query(new SampleQuery { Spec = "fixture" }).Records
            .Where(r => r.Inputs.ContainsKey("i"))
            .Select(r => r.Inputs["i"].Value!.Value.GetInt64())
            .ToList();

    [TestMethod]
    public void TrackerStartStop_FromTheCli_RunningAppFollowsWithinOneSecond()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        using var app = new TrackedAppProcess(folder.Path, "--calls", "0", "--delay-ms", "2");
        app.WaitUntilReady();
        var log = SampleLog.Open(folder.Combine(".sigil"));
        Assert.AreEqual(0, log.CountRecords(), "nothing is recorded while the tracker is off");

        var start = JsonDocument.Parse(SigilCli.Run(folder.Path, "tracker", "start", "--json").StandardOutput).RootElement;
        var startedAt = start.GetProperty("changed_at").GetDateTimeOffset();
        WaitFor(() => log.CountRecords() > 0, TimeSpan.FromSeconds(10), "the first record");
        var first = log.Query(new SampleQuery()).Records[0];

        var stop = JsonDocument.Parse(SigilCli.Run(folder.Path, "tracker", "stop", "--json").StandardOutput).RootElement;
        var stoppedAt = stop.GetProperty("changed_at").GetDateTimeOffset();
        Thread.Sleep(1500);
        var settled = log.Query(new SampleQuery()).Records;
        Thread.Sleep(500);

        Assert.IsLessThanOrEqualTo(TimeSpan.FromSeconds(1), first.Timestamp - startedAt, "app noticed start");
        Assert.IsLessThanOrEqualTo(TimeSpan.FromSeconds(1), settled[^1].Timestamp - stoppedAt, "app noticed stop");
        Assert.AreEqual(settled.Count, log.CountRecords(), "no records after the stop took effect");
        Assert.IsFalse(app.Output.Contains("Exception"), app.Output);
    }

    [TestMethod]
    public void KillMinus9_WhileWriting_EveryEarlierRecordStaysReadable()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        SigilCli.Run(folder.Path, "tracker", "start");
        using var app = new TrackedAppProcess(folder.Path, "--calls", "0");
        app.WaitUntilReady();
        var log = SampleLog.Open(folder.Combine(".sigil"));
        WaitFor(() => log.CountRecords() > 50_000, TimeSpan.FromSeconds(30), "50k records");

        app.KillHard();
        var inputs = Inputs(folder.Path).Order().ToList();
        var segment = Directory.GetFiles(folder.Combine(".sigil", "samples")).Single();
        var killedBytes = File.ReadAllBytes(segment);

        Assert.IsGreaterThan(50_000, inputs.Count);
        CollectionAssert.AreEqual(Enumerable.Range(0, inputs.Count).Select(i => (long)i).ToList(), inputs, "the log holds a gap-free prefix of the calls");
        var cli = SigilCli.Run(folder.Path, "inspect-samples", "fixture", "--last", "3");
        Assert.AreEqual(0, cli.ExitCode, cli.ToString());

        using (var again = new TrackedAppProcess(folder.Path, "--calls", "100", "--offset", "1000000000"))
        {
            Assert.AreEqual(0, again.WaitForExit(), again.Output);
        }
        Assert.AreEqual(inputs.Count + 100, Inputs(folder.Path).Count);
        CollectionAssert.AreEqual(killedBytes, File.ReadAllBytes(segment), "a later writer never touches an earlier segment");
    }

    [TestMethod]
    public void TwoWriterProcesses_AtOnce_EveryRecordOfBoth()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        SigilCli.Run(folder.Path, "tracker", "start");

        using var a = new TrackedAppProcess(folder.Path, "--calls", "20000");
        using var b = new TrackedAppProcess(folder.Path, "--calls", "20000", "--offset", "1000000");
        Assert.AreEqual(0, a.WaitForExit(), a.Output);
        Assert.AreEqual(0, b.WaitForExit(), b.Output);

        var inputs = Inputs(folder.Path).ToHashSet();
        var expected = Enumerable.Range(0, 20000).Select(i => (long)i).Concat(Enumerable.Range(1_000_000, 20000).Select(i => (long)i));
        Assert.HasCount(2, Directory.GetFiles(folder.Combine(".sigil", "samples")));
        Assert.HasCount(40000, inputs);
        Assert.IsTrue(inputs.SetEquals(expected));
        Assert.IsTrue(Directory.GetFiles(folder.Combine(".sigil", "samples")).All(f => (File.GetUnixFileMode(f) & UnixFileMode.UserWrite) == 0), "closed segments are sealed read-only");
    }

    [TestMethod]
    public void SensitiveParameter_ThroughGeneratedCode_NeverReachesTheLog()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        SigilCli.Run(folder.Path, "tracker", "start");
        const string Secret = "correct-horse-battery-staple";

        using (var app = new TrackedAppProcess(folder.Path, "--calls", "1", "--login", Secret))
        {
            Assert.AreEqual(0, app.WaitForExit(), app.Output);
        }

        var login = SampleLog.Open(folder.Combine(".sigil")).Query(new SampleQuery()).Records.Single(r => r.Inputs.ContainsKey("password"));
        Assert.AreEqual("redacted", login.Inputs["password"].Kind);
        Assert.AreEqual("\"alice\"", login.Inputs["user"].Raw!.Value.GetRawText());
        Assert.AreEqual(1.0, login.Metrics.Score);
        foreach (var file in Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Secret, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file)), file);
        }
    }
}
