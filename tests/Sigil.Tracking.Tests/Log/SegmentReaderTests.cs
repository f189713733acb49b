using Sigil.Tracking.Log;

namespace Sigil.Tracking.Tests.Log;

[TestClass]
public sealed class SegmentReaderTests
{
    [TestMethod]
    public void Read_CompleteSegment_AllRecordsInOrder()
    {
        using var log = new LogFixture();
        log.Write(1, 2, 3);

        var contents = SegmentReader.Read(log.SingleSegment());

        Assert.IsFalse(contents.TornTail);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, contents.Records.Select(r => r.Inputs["x"].Value!.Value.GetInt32()).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 4, 6 }, contents.Records.Select(r => r.Output.Value!.Value.GetInt32()).ToArray());
        Assert.AreEqual(new FileInfo(log.SingleSegment()).Length, contents.ValidLength);
    }

    [TestMethod]
    public void Read_EveryTruncationOfTheLastFrame_KeepsTheEarlierRecords()
    {
        using var log = new LogFixture();
        log.Write(1, 2);
        var twoRecords = new FileInfo(log.SingleSegment()).Length;
        log.Write(3);
        var bytes = File.ReadAllBytes(log.SingleSegment());

        for (var cut = twoRecords + 1; cut < bytes.Length; cut++)
        {
            var contents = SegmentReader.Parse("s", bytes.AsSpan(0, (int)cut));

            Assert.HasCount(2, contents.Records, $"cut at {cut}");
            Assert.IsTrue(contents.TornTail);
            Assert.AreEqual(twoRecords, contents.ValidLength);
        }
    }

    [TestMethod]
    public void Read_FlippedByteInLastFrame_ChecksumRejectsOnlyThatFrame()
    {
        using var log = new LogFixture();
        log.Write(1, 2);
        var twoRecords = (int)new FileInfo(log.SingleSegment()).Length;
        log.Write(3);
        var bytes = File.ReadAllBytes(log.SingleSegment());
        bytes[twoRecords + 12] ^= 0x40;

        var contents = SegmentReader.Parse("s", bytes);

        Assert.HasCount(2, contents.Records);
        Assert.IsTrue(contents.TornTail);
    }

    [TestMethod]
    public void CountCalls_WithTornTail_CountsOnlyCompleteFrames()
    {
        using var log = new LogFixture();
        log.Write(1, 2, 3, 4, 5);
        var path = log.SingleSegment();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.AreEqual(5, SegmentReader.CountCalls(path));
        Assert.AreEqual(5, Sigil.Tracking.Query.SampleLog.Open(log.SigilDirectory).CountRecords());

        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 5);
        }

        Assert.AreEqual(4, SegmentReader.CountCalls(path));
        Assert.HasCount(4, SegmentReader.Read(path).Records);
    }

    [TestMethod]
    public void Parse_NotASegment_NoRecordsAndFlagged()
    {
        var contents = SegmentReader.Parse("junk", "hello world, not a log"u8);

        Assert.IsEmpty(contents.Records);
        Assert.IsTrue(contents.TornTail);
        Assert.AreEqual(0, contents.ValidLength);
    }
}
