using Sigil.Runtime;
using Sigil.Runtime.Tracking;

namespace Sigil.Tracking.Tests;

/// <summary>A temp project whose runtime writes real segments, for reader tests.</summary>
internal sealed class LogFixture : IDisposable
{
    private readonly SigilProject _project;
    private readonly PinTracker<ValueTuple<int>, int> _tracker;

    public LogFixture(string spec = "spec")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sigil-log-").FullName;
        new TrackerState { Enabled = true }.Write(SigilDirectory);
        _project = PinRegistry.Initialize(Directory, [new SpecDescriptor(spec, "", true)]);
        _tracker = _project.Register<ValueTuple<int>, int>(new PinDescriptor(
            $"sigil://T@{new string('0', 40)}/T:K.Twice(int)#{new string('b', 64)}", spec, "v1", "T.K.Eval",
            ["x"], ["int"], [false], "int", false, "K.cs", 3));
    }

    public string Directory { get; }

    public string SigilDirectory => Path.Combine(Directory, ".sigil");

    public string SamplesDirectory => Path.Combine(SigilDirectory, SampleLogFormat.FolderName);

    public void Write(params int[] inputs)
    {
        foreach (var x in inputs)
        {
            var args = new ValueTuple<int>(x);
            var call = _tracker.Begin(in args);
            _tracker.End(ref call);
            _tracker.Record(ref call, in args, 2 * x, x, null);
        }
        _project.Flush();
    }

    public string SingleSegment() => System.IO.Directory.GetFiles(SamplesDirectory).Single();

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // The writer thread may hold the segment a moment longer.
        }
    }
}
