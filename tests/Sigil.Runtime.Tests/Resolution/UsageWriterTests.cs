using System.Text.Json;
using Sigil.Runtime.Resolution;

namespace Sigil.Runtime.Tests.Resolution;

[TestClass]
public sealed class UsageWriterTests
{
    [TestMethod]
    public void Write_CountsOfEveryTrackedCandidate_AndNothingAfterDispose()
    {
        using var project = new ResolverProject();
        var writer = new UsageWriter(project.SigilDirectory, ResolverMode.Dev);
        var candidate = new ServedCandidate(ResolverProject.RootId, "diff://b3:" + new string('1', 64), null, (Func<double, double>)(x => x));
        writer.Track([candidate, candidate]);
        candidate.Count();
        candidate.Count();

        writer.Write();

        using (var document = JsonDocument.Parse(File.ReadAllBytes(writer.FilePath)))
        {
            var pins = document.RootElement.GetProperty("pins");
            Assert.AreEqual(1, pins.GetArrayLength(), "a candidate is tracked once");
            Assert.AreEqual(2, pins[0].GetProperty("calls").GetInt64());
            Assert.AreEqual(JsonValueKind.Null, pins[0].GetProperty("manifest_id").ValueKind);
            Assert.AreEqual("dev", document.RootElement.GetProperty("mode").GetString());
        }

        candidate.Count();
        writer.Dispose();
        using (var document = JsonDocument.Parse(File.ReadAllBytes(writer.FilePath)))
        {
            Assert.AreEqual(3, document.RootElement.GetProperty("pins")[0].GetProperty("calls").GetInt64(), "disposal writes the last counts");
        }

        // What the process-exit handler would do after the owner is gone: nothing, not even recreate the folder.
        Directory.Delete(project.SigilDirectory, recursive: true);
        writer.Write();
        writer.Dispose();
        Assert.IsFalse(Directory.Exists(project.SigilDirectory));
    }

    [TestMethod]
    public void NothingTracked_NothingWritten()
    {
        using var project = new ResolverProject();
        var writer = new UsageWriter(project.SigilDirectory, ResolverMode.Prod);

        writer.Write();
        writer.Dispose();

        Assert.IsFalse(File.Exists(writer.FilePath));
    }
}
