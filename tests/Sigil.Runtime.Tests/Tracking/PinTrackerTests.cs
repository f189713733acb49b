using Sigil.Runtime;
using Sigil.Tracking.Model;

namespace Sigil.Runtime.Tests.Tracking;

[TestClass]
public sealed class PinTrackerTests
{
    private static void Call(PinTracker<ValueTuple<double>, double> tracker, double x)
    {
        var args = new ValueTuple<double>(x);
        var call = tracker.Begin(in args);
        var result = Math.Sqrt(x);
        tracker.End(ref call);
        tracker.Record(ref call, in args, result, -Math.Abs(result * result - x), null);
    }

    [TestMethod]
    public void Record_TrackingOn_WritesEveryFieldTheSpecLists()
    {
        using var project = new TempProject(trackingOn: true);
        var tracker = project.Project.Register<ValueTuple<double>, double>(TempProject.Pin("Root", ["x"], ["double"]));
        const int Calls = 2 * PinTracker<ValueTuple<double>, double>.CpuSampleEvery;
        for (var i = 1; i <= Calls; i++)
        {
            Call(tracker, i);
        }

        var records = project.Records();

        Assert.HasCount(Calls, records);
        var first = records[0];
        Assert.AreEqual(32, first.TraceId.Length);
        Assert.AreEqual(tracker.Pin.FunctionId, first.FunctionId);
        Assert.AreEqual("baseline", first.CandidateId);
        Assert.AreEqual("off", first.ResolverMode);
        Assert.AreEqual("baseline", first.Allocation.GetProperty("arm").GetString());
        Assert.AreEqual("spec", first.Spec);
        Assert.AreEqual("v1", first.Workspace);
        Assert.AreEqual("Tests.Kernels.Eval", first.EvalFunction);
        Assert.IsNotNull(first.Metrics.Score);
        Assert.IsGreaterThanOrEqualTo(0L, first.Metrics.LatencyNanoseconds);
        Assert.AreEqual(first.Metrics.LatencyNanoseconds, first.Resources.WallNanoseconds);
        Assert.IsNotNull(first.Resources.AllocatedBytes);
        Assert.AreEqual(1.0, first.Inputs["x"].Value!.Value.GetDouble());
        Assert.AreEqual(1.0, first.Inputs["x"].Raw!.Value.GetDouble());
        Assert.AreEqual(1.0, first.Output.Value!.Value.GetDouble());
        Assert.IsFalse(string.IsNullOrEmpty(first.Environment.GetProperty("runtime").GetString()));
        Assert.IsTrue(first.Environment.TryGetProperty("dependencies", out _));
        Assert.IsTrue(Math.Abs((DateTimeOffset.UtcNow - first.Timestamp).TotalMinutes) < 5, $"timestamp {first.Timestamp} is not now");
        Assert.AreEqual(Calls, records.Select(r => r.TraceId).Distinct().Count());
        Assert.AreEqual(2, records.Count(r => r.Resources.CpuNanoseconds is not null), "one call in CpuSampleEvery measures CPU time");
        CollectionAssert.AreEqual(Enumerable.Range(1, Calls).Select(i => (double)i).ToArray(), records.Select(r => r.Inputs["x"].Value!.Value.GetDouble()).ToArray());
        Assert.IsTrue(records.Zip(records.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp), "timestamps follow call order");
    }

    [TestMethod]
    public void Record_SensitiveParameter_NeverStoredRawNorHashed()
    {
        using var project = new TempProject(trackingOn: true, storeRaw: true);
        var tracker = project.Project.Register<(string, int), int>(
            TempProject.Pin("Login", ["password", "attempt"], ["string", "int"], [true, false], "int"));
        var args = ("hunter2-secret", 3);
        var call = tracker.Begin(in args);
        tracker.End(ref call);
        tracker.Record(ref call, in args, 7, 1, null);

        var record = project.Records().Single();

        var password = record.Inputs["password"];
        Assert.AreEqual("redacted", password.Kind);
        Assert.AreEqual(14L, password.Size);
        Assert.IsNull(password.Raw);
        Assert.IsNull(password.Hash);
        Assert.IsNull(password.Value);
        Assert.AreEqual(3, record.Inputs["attempt"].Raw!.Value.GetInt32());
        var segment = Directory.GetFiles(Path.Combine(project.SigilDirectory, "samples")).Single();
        Assert.DoesNotContain("hunter2", File.ReadAllText(segment), "the secret must not appear anywhere in the log");
    }

    [TestMethod]
    public void Record_SpecWithoutRawPermission_KeepsOnlySketches()
    {
        using var project = new TempProject(trackingOn: true, storeRaw: false);
        var tracker = project.Project.Register<(string, int[]), int>(TempProject.Pin("Count", ["text", "values"], ["string", "int[]"], returnType: "int"));
        var args = ("some private text", new[] { 4, 1, 7 });
        var call = tracker.Begin(in args);
        tracker.End(ref call);
        tracker.Record(ref call, in args, 3, 1, null);

        var record = project.Records().Single();

        Assert.IsNull(record.Inputs["text"].Raw);
        Assert.AreEqual("string", record.Inputs["text"].Kind);
        Assert.AreEqual(17L, record.Inputs["text"].Size);
        StringAssert.StartsWith(record.Inputs["text"].Hash, "xxh3:");
        var values = record.Inputs["values"];
        Assert.AreEqual("numbers", values.Kind);
        Assert.AreEqual(3L, values.Size);
        Assert.AreEqual(1.0, values.Numeric!.Min);
        Assert.AreEqual(7.0, values.Numeric.Max);
        Assert.AreEqual(4.0, values.Numeric.Mean);
        Assert.IsNull(values.Raw);
        var output = record.Output;
        Assert.AreEqual("scalar", output.Kind);
        Assert.IsNull(output.Value, "an exact scalar is a raw value");
        Assert.IsNull(output.Raw);
        StringAssert.StartsWith(output.Hash, "xxh3:");
        Assert.AreEqual(new ScalarMagnitude(1, 1, true), output.Magnitude, "3 lies in [2^1, 2^2)");
        var segment = Directory.GetFiles(Path.Combine(project.SigilDirectory, "samples")).Single();
        Assert.DoesNotContain("private text", File.ReadAllText(segment));
    }

    [TestMethod]
    [DataRow(-1000.0, -1, 9, true)]
    [DataRow(0.0, 0, null, true)]
    [DataRow(0.75, 1, -1, true)]
    [DataRow(double.NaN, 0, null, false)]
    [DataRow(double.NegativeInfinity, -1, null, false)]
    public void Record_ScalarWithoutRawPermission_KeepsSignMagnitudeAndHashOnly(double x, int sign, int? log2, bool finite)
    {
        using var project = new TempProject(trackingOn: true, storeRaw: false);
        var tracker = project.Project.Register<ValueTuple<double>, double>(TempProject.Pin("Root", ["x"], ["double"]));
        Call(tracker, x);

        var input = project.Records().Single().Inputs["x"];

        Assert.AreEqual("scalar", input.Kind);
        Assert.IsNull(input.Value);
        Assert.AreEqual(new ScalarMagnitude(sign, log2, finite), input.Magnitude);
    }

    [TestMethod]
    public void Begin_MutableInput_IsSketchedBeforeTheCallMutatesIt()
    {
        using var project = new TempProject(trackingOn: true);
        var tracker = project.Project.Register<ValueTuple<int[]>, ValueTuple>(TempProject.Pin("Clear", ["values"], ["int[]"], returnType: "void"));
        var values = new[] { 5, 6, 7 };
        var args = new ValueTuple<int[]>(values);
        var call = tracker.Begin(in args);
        Array.Clear(values);
        tracker.End(ref call);
        tracker.Record(ref call, in args, default, 1, null);

        var record = project.Records().Single();

        Assert.AreEqual(5.0, record.Inputs["values"].Numeric!.Min);
        Assert.AreEqual("[5,6,7]", record.Inputs["values"].Raw!.Value.GetRawText());
        Assert.AreEqual("none", record.Output.Kind);
    }

    [TestMethod]
    public void Fail_PinThrows_RecordsTheExceptionType()
    {
        using var project = new TempProject(trackingOn: true);
        var tracker = project.Project.Register<ValueTuple<double>, double>(TempProject.Pin("Root", ["x"], ["double"]));
        var args = new ValueTuple<double>(-1);
        var call = tracker.Begin(in args);
        tracker.Fail(ref call, in args, new ArgumentOutOfRangeException("x"));

        var record = project.Records().Single();

        Assert.AreEqual("System.ArgumentOutOfRangeException", record.Metrics.Error);
        Assert.IsNull(record.Metrics.Score);
        Assert.AreEqual("none", record.Output.Kind);
    }

    [TestMethod]
    public void Record_EvalThrows_ScoreIsNullAndEvalErrorNamed()
    {
        using var project = new TempProject(trackingOn: true);
        var tracker = project.Project.Register<ValueTuple<double>, double>(TempProject.Pin("Root", ["x"], ["double"]));
        var args = new ValueTuple<double>(4);
        var call = tracker.Begin(in args);
        tracker.End(ref call);
        tracker.Record(ref call, in args, 2, double.NaN, new InvalidOperationException());

        var record = project.Records().Single();

        Assert.IsNull(record.Metrics.Score);
        Assert.AreEqual("System.InvalidOperationException", record.Metrics.EvalError);
        Assert.AreEqual(2.0, record.Output.Value!.Value.GetDouble());
    }

    [TestMethod]
    public void Record_ManyThreadsOverflowingTheRing_LosesNoRecord()
    {
        using var project = new TempProject(trackingOn: true, storeRaw: true);
        var tracker = project.Project.Register<ValueTuple<double>, double>(TempProject.Pin("Root", ["x"], ["double"]));
        const int Threads = 4, PerThread = 25_000;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                Call(tracker, t * PerThread + i);
            }
        });

        var records = project.Records();

        Assert.AreEqual(Threads * PerThread, tracker.Recorded);
        Assert.HasCount(Threads * PerThread, records);
        var inputs = records.Select(r => r.Inputs["x"].Value!.Value.GetDouble()).ToHashSet();
        Assert.HasCount(Threads * PerThread, inputs, "every distinct input arrives exactly once");
    }

    [TestMethod]
    public void Record_ProjectFolderDeletedWhileTracking_AppKeepsRunningAndFolderIsNotRecreated()
    {
        var project = new TempProject(trackingOn: true);
        var tracker = project.Project.Register<ValueTuple<double>, double>(TempProject.Pin("Root", ["x"], ["double"]));
        Call(tracker, 1);
        project.Project.Flush();

        Directory.Delete(project.Directory, recursive: true);
        for (var i = 0; i < 10_000; i++)
        {
            Call(tracker, i);
        }
        project.Project.Flush();

        Assert.IsFalse(Directory.Exists(project.Directory), "the writer must not recreate a deleted project folder");
        Assert.AreEqual(10_001, tracker.Recorded);
    }

    [TestMethod]
    public void Register_ArgumentTupleDisagreesWithDescriptor_Throws()
    {
        using var project = new TempProject(trackingOn: false);
        Assert.ThrowsExactly<ArgumentException>(() =>
            project.Project.Register<(int, int), int>(TempProject.Pin("Two", ["a"], ["int"], returnType: "int")));
    }

    [TestMethod]
    public void Register_NineParameters_EncodesAllThroughNestedTuples()
    {
        using var project = new TempProject(trackingOn: true);
        var names = Enumerable.Range(1, 9).Select(i => "p" + i).ToArray();
        var tracker = project.Project.Register<(int, int, int, int, int, int, int, int, int), int>(
            TempProject.Pin("Nine", names, Enumerable.Repeat("int", 9).ToArray(), returnType: "int"));
        var args = (1, 2, 3, 4, 5, 6, 7, 8, 9);
        var call = tracker.Begin(in args);
        tracker.End(ref call);
        tracker.Record(ref call, in args, 45, 1, null);

        var record = project.Records().Single();

        CollectionAssert.AreEqual(Enumerable.Range(1, 9).ToArray(), names.Select(n => record.Inputs[n].Value!.Value.GetInt32()).ToArray());
    }
}
