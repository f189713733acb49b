using Sigil.Runtime;
using Sigil.Runtime.Tracking;
using Sigil.Tracking.Query;

namespace Sigil.Evaluation.Tests.Samples;

/// <summary>
/// A temp project whose real runtime tracker writes real sample-log segments (as in Sigil.Tracking.Tests): a spec
/// "raw" that stores raw inputs and a spec "sketch" that does not, with a few pins of different shapes.
/// </summary>
internal sealed class SampleLogFixture : IDisposable
{
    public static readonly string ScoreId = Id("Score(double,int[])");
    public static readonly string TwiceId = Id("Twice(int)");
    public static readonly string FlagsId = Id("Flags(bool,string)");
    public static readonly string PlainId = Id("Plain(double)");
    public static readonly string SecretId = Id("Secret(double,string)");

    private readonly SigilProject _project;
    private readonly PinTracker<(double, int[]), double> _score;
    private readonly PinTracker<ValueTuple<int>, int> _twice;
    private readonly PinTracker<(bool, string?), int> _flags;
    private readonly PinTracker<ValueTuple<double>, double> _plain;
    private readonly PinTracker<(double, string), double> _secret;

    public SampleLogFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sigil-samples-").FullName;
        new TrackerState { Enabled = true }.Write(SigilDirectory);
        _project = PinRegistry.Initialize(Directory, [new SpecDescriptor("raw", "", true), new SpecDescriptor("sketch", "", false)]);
        _score = _project.Register<(double, int[]), double>(Pin(ScoreId, "raw", ["x", "values"], ["double", "int[]"], [false, false]));
        _twice = _project.Register<ValueTuple<int>, int>(Pin(TwiceId, "raw", ["n"], ["int"], [false]));
        _flags = _project.Register<(bool, string?), int>(Pin(FlagsId, "sketch", ["flag", "name"], ["bool", "string"], [false, false]));
        _plain = _project.Register<ValueTuple<double>, double>(Pin(PlainId, "sketch", ["x"], ["double"], [false]));
        _secret = _project.Register<(double, string), double>(Pin(SecretId, "raw", ["x", "token"], ["double", "string"], [false, true]));
    }

    public string Directory { get; }

    public string SigilDirectory => Path.Combine(Directory, ".sigil");

    public SampleLog Log => SampleLog.Open(SigilDirectory);

    public void Score(double x, params int[] values) => Track(_score, (x, values), values.Sum() * x);

    public void Twice(int n) => Track(_twice, new ValueTuple<int>(n), 2 * n);

    public void Flags(bool flag, string? name) => Track(_flags, (flag, name), flag ? 1 : 0);

    public void Plain(double x) => Track(_plain, new ValueTuple<double>(x), x);

    public void Secret(double x, string token) => Track(_secret, (x, token), x);

    /// <summary>Writes every queued call to the log.</summary>
    public void Flush() => _project.Flush();

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

    private static string Id(string signature) => $"sigil://App@{new string('0', 40)}/App:K.{signature}#{new string('a', 64)}";

    private static PinDescriptor Pin(string id, string spec, string[] names, string[] types, bool[] sensitive) =>
        new(id, spec, "v1", "App.K.Eval", names, types, sensitive, "double", false, "K.cs", 3);

    private static void Track<TArgs, TResult>(PinTracker<TArgs, TResult> tracker, TArgs args, TResult result)
        where TArgs : struct, System.Runtime.CompilerServices.ITuple
    {
        var call = tracker.Begin(in args);
        tracker.End(ref call);
        tracker.Record(ref call, in args, result, 1.0, null);
    }
}
