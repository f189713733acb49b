using Sigil.Runtime;
using Sigil.Runtime.Tracking;

namespace Sigil.Cli.Tests.Support;

/// <summary>Writes real tracked calls into a project's log, through the runtime exactly as generated code does.</summary>
internal static class SampleWriter
{
    public const string FunctionId = "sigil://QuickStart@0000000000000000000000000000000000000000/QuickStart:Kernels.Root(double)#aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    public static void Write(string projectDirectory, string spec, params double[] inputs)
    {
        new TrackerState { Enabled = true }.Write(Path.Combine(projectDirectory, ".sigil"));
        var project = PinRegistry.Initialize(projectDirectory, [new SpecDescriptor(spec, "", true)]);
        var tracker = project.Register<ValueTuple<double>, double>(new PinDescriptor(
            FunctionId, spec, "v1", "QuickStart.Kernels.RootError", ["x"], ["double"], [false], "double", false, "Kernels.cs", 9));
        foreach (var x in inputs)
        {
            var args = new ValueTuple<double>(x);
            var call = tracker.Begin(in args);
            var root = Math.Sqrt(x);
            tracker.End(ref call);
            tracker.Record(ref call, in args, root, -Math.Abs(root * root - x), null);
        }
        project.Flush();
        new TrackerState { Enabled = false }.Write(Path.Combine(projectDirectory, ".sigil"));
    }
}
