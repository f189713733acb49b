using Sigil.Runtime;
using Sigil.Runtime.Tracking;
using Sigil.Tracking.Model;
using Sigil.Tracking.Query;

namespace Sigil.Runtime.Tests;

/// <summary>A throwaway project folder with its own tracker switch and sample log.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject(bool trackingOn, bool storeRaw = true)
    {
        Directory = Path.Combine(Path.GetTempPath(), "sigil-runtime-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        if (trackingOn)
        {
            new TrackerState { Enabled = true }.Write(SigilDirectory);
        }
        Project = PinRegistry.Initialize(Directory, [new SpecDescriptor("spec", "test spec", storeRaw)]);
    }

    public string Directory { get; }

    public string SigilDirectory => Path.Combine(Directory, ".sigil");

    public SigilProject Project { get; }

    public static PinDescriptor Pin(string name, string[] parameters, string[] types, bool[]? sensitive = null, string returnType = "double", bool isAsync = false) =>
        new($"sigil://Tests@{new string('0', 40)}/Tests:Kernels.{name}({string.Join(",", types)})#{new string('a', 64)}",
            "spec", "v1", "Tests.Kernels.Eval", parameters, types, sensitive ?? new bool[parameters.Length], returnType, isAsync, "Kernels.cs", 1);

    public IReadOnlyList<SampleRecord> Records()
    {
        Project.Flush();
        return SampleLog.Open(SigilDirectory).Query(new SampleQuery()).Records;
    }

    public void SetTracking(bool enabled) => new TrackerState { Enabled = enabled, ChangedAt = DateTimeOffset.UtcNow }.Write(SigilDirectory);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A writer thread may still hold the segment for a moment; the temp folder is harmless.
        }
    }
}
