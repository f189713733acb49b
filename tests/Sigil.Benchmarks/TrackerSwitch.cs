using Sigil.Runtime;
using Sigil.Runtime.Tracking;
using Sigil.Tracking.Query;

namespace Sigil.Benchmarks;

/// <summary>Turns this project's tracker on or off for a benchmark and checks, afterwards, that no record was lost.</summary>
internal static class TrackerSwitch
{
    private static SigilProject Project => PinRegistry.Projects.Single();

    public static long Set(bool on)
    {
        new TrackerState { Enabled = on }.Write(Project.SigilDirectory);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Project.TrackingEnabled != on && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
        if (Project.TrackingEnabled != on)
        {
            throw new InvalidOperationException("the tracker switch was not noticed");
        }
        return SampleLog.Open(Project.SigilDirectory).CountRecords();
    }

    /// <summary>Flushes, counts the records written since <paramref name="before"/>, appends the verdict to bench-records.txt, cleans up.</summary>
    public static void Verify(string benchmark, long before, long pinnedCalls)
    {
        Project.Flush();
        var written = SampleLog.Open(Project.SigilDirectory).CountRecords() - before;
        var expected = Project.TrackingEnabled ? pinnedCalls : 0;
        var verdict = written == expected ? "no record lost" : "RECORDS LOST";
        File.AppendAllText(Path.Combine(Project.SigilDirectory, "bench-records.txt"),
            $"{benchmark}: tracker={Project.TrackingEnabled} pinned calls={pinnedCalls} records={written}: {verdict}\n");
        Set(false);
        var samples = Path.Combine(Project.SigilDirectory, SampleLogFormat.FolderName);
        if (Directory.Exists(samples))
        {
            foreach (var file in Directory.GetFiles(samples))
            {
                File.SetAttributes(file, FileAttributes.Normal);
                File.Delete(file);
            }
        }
    }
}
