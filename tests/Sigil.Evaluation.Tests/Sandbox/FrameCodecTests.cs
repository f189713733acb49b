using System.Text;
using Sigil.Evaluation.Sandbox.Protocol;

namespace Sigil.Evaluation.Tests.Sandbox;

/// <summary>The protocol's framing, shared by host and worker: round trips, clean end, and garbage recognized as such.</summary>
[TestClass]
public sealed class FrameCodecTests
{
    [TestMethod]
    public async Task ReadAsync_WrittenFrames_SameBodiesThenNullAtTheEnd()
    {
        using var stream = new MemoryStream();
        FrameCodec.Write(stream, "{\"a\":1}"u8);
        await FrameCodec.WriteAsync(stream, Encoding.UTF8.GetBytes("{\"b\":2}"), CancellationToken.None);
        stream.Position = 0;

        var first = await FrameCodec.ReadAsync(stream, 1024, CancellationToken.None);
        var second = FrameCodec.Read(stream, 1024);
        var end = await FrameCodec.ReadAsync(stream, 1024, CancellationToken.None);

        Assert.AreEqual("{\"a\":1}", Encoding.UTF8.GetString(first!));
        Assert.AreEqual("{\"b\":2}", Encoding.UTF8.GetString(second!));
        Assert.IsNull(end);
    }

    [TestMethod]
    [DataRow("garbage!garbage!", DisplayName = "text: an absurd length")]
    [DataRow("\u0004\0\0\0abcd", DisplayName = "a frame that is not JSON")]
    [DataRow("\u0010\0\0\0{\"a\"", DisplayName = "a frame cut short")]
    [DataRow("\0\0\0\0", DisplayName = "an empty frame")]
    [DataRow("\u0001\0", DisplayName = "a header cut short")]
    public async Task ReadAsync_NotAFrame_InvalidDataException(string bytes)
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(bytes));

        await Assert.ThrowsExactlyAsync<InvalidDataException>(() => FrameCodec.ReadAsync(stream, FrameCodec.MaxResponseBytes, CancellationToken.None));
    }

    [TestMethod]
    public void Deserialize_ResponseWrittenByTheProtocolOptions_RoundTrips()
    {
        var response = new WorkerResponse
        {
            Id = 3,
            Type = WorkerMessageTypes.Evaluated,
            Evaluation = new EvaluationReport { BaselineRoundNs = [1, 2], Samples = [new SampleReport { Index = 4, OutputsEqual = true, BaselineScore = double.NaN }] },
        };

        var back = ProtocolJson.Deserialize<WorkerResponse>(ProtocolJson.Serialize(response));

        Assert.AreEqual(3, back.Id);
        CollectionAssert.AreEqual(new long[] { 1, 2 }, back.Evaluation!.BaselineRoundNs);
        Assert.IsTrue(double.IsNaN(back.Evaluation.Samples[0].BaselineScore!.Value));
        Assert.IsNull(back.Error);
    }
}
