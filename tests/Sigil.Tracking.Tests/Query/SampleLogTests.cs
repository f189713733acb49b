using Sigil.Tracking.Query;

namespace Sigil.Tracking.Tests.Query;

[TestClass]
public sealed class SampleLogTests
{
    [TestMethod]
    public void Query_SameSnapshotAfterMoreWrites_SameAnswer()
    {
        using var log = new LogFixture();
        log.Write(1, 2, 3);
        var sampleLog = SampleLog.Open(log.SigilDirectory);
        var first = sampleLog.Query(new SampleQuery { Spec = "spec" });
        var id = first.Snapshot.Save(log.SigilDirectory);

        log.Write(4, 5);
        var again = sampleLog.Query(new SampleQuery { Spec = "spec", Snapshot = LogSnapshot.Load(log.SigilDirectory, id) });
        var now = sampleLog.Query(new SampleQuery { Spec = "spec" });

        Assert.HasCount(3, again.Records);
        Assert.AreEqual(first.SampleSetHash, again.SampleSetHash);
        CollectionAssert.AreEqual(first.Records.Select(r => r.TraceId).ToArray(), again.Records.Select(r => r.TraceId).ToArray());
        Assert.HasCount(5, now.Records);
        Assert.AreNotEqual(first.SampleSetHash, now.SampleSetHash);
        Assert.AreEqual(id, again.Snapshot.Id);
    }

    [TestMethod]
    public void Query_Filters_SpecFunctionAndLast()
    {
        using var log = new LogFixture();
        log.Write(1, 2, 3, 4);
        var sampleLog = SampleLog.Open(log.SigilDirectory);

        Assert.IsEmpty(sampleLog.Query(new SampleQuery { Spec = "other" }).Records);
        Assert.HasCount(4, sampleLog.Query(new SampleQuery { Function = "sigil://T@" }).Records);
        Assert.IsEmpty(sampleLog.Query(new SampleQuery { Function = "sigil://X@" }).Records);
        var last = sampleLog.Query(new SampleQuery { Last = 2 }).Records;
        CollectionAssert.AreEqual(new[] { 3, 4 }, last.Select(r => r.Inputs["x"].Value!.Value.GetInt32()).ToArray());
    }

    [TestMethod]
    public void Query_EmptyOrMissingLog_NoRecords()
    {
        var folder = Directory.CreateTempSubdirectory("sigil-empty-").FullName;

        var result = SampleLog.Open(Path.Combine(folder, ".sigil")).Query(new SampleQuery());

        Assert.IsEmpty(result.Records);
        Assert.IsEmpty(result.Snapshot.Segments);
    }

    [TestMethod]
    [DataRow("invalid json")]
    [DataRow("edited length")]
    public void Load_TamperedSnapshotFile_Rejected(string tamper)
    {
        using var log = new LogFixture();
        log.Write(1);
        var id = SampleLog.Open(log.SigilDirectory).Query(new SampleQuery()).Snapshot.Save(log.SigilDirectory);
        var file = Directory.GetFiles(Path.Combine(log.SigilDirectory, "snapshots")).Single();
        var text = File.ReadAllText(file);
        File.WriteAllText(file, tamper == "invalid json" ? text[..^2] : System.Text.RegularExpressions.Regex.Replace(text, ":(\\d+)", ":1$1"));

        var error = Assert.ThrowsExactly<SampleLogException>(() => LogSnapshot.Load(log.SigilDirectory, id));

        StringAssert.Contains(error.Message, "does not match its id");
    }

    [TestMethod]
    [DataRow("snap://b3:nothex")]
    [DataRow("b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262")]
    [DataRow("snap://b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262")]
    public void Load_BadOrUnknownId_ClearError(string id)
    {
        using var log = new LogFixture();

        var error = Assert.ThrowsExactly<SampleLogException>(() => LogSnapshot.Load(log.SigilDirectory, id));

        StringAssert.Contains(error.Message, "snap");
    }

    [TestMethod]
    public void Query_SnapshotOfAlteredLog_Rejected()
    {
        using var log = new LogFixture();
        log.Write(1, 2);
        var snapshot = SampleLog.Open(log.SigilDirectory).Query(new SampleQuery()).Snapshot;
        var segment = log.SingleSegment();
        File.SetUnixFileMode(segment, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using (var stream = new FileStream(segment, FileMode.Open))
        {
            stream.SetLength(stream.Length - 3);
        }

        var error = Assert.ThrowsExactly<SampleLogException>(() => SampleLog.Open(log.SigilDirectory).Query(new SampleQuery { Snapshot = snapshot }));

        StringAssert.Contains(error.Message, "altered");
    }
}
