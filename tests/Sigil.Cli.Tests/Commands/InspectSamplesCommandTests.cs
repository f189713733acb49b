using System.Text.Json;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands;

[TestClass]
public sealed class InspectSamplesCommandTests
{
    [TestMethod]
    public void InspectSamples_Table_HasTheSpecColumnsAndOneRowPerSample()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        SampleWriter.Write(folder.Path, "quickstart", 3, 16);

        var result = SigilCli.Run(folder.Path, "inspect-samples", "quickstart");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var lines = result.StandardOutput.Split('\n');
        var header = lines.Single(l => l.Contains("workspace"));
        StringAssert.Matches(header, new System.Text.RegularExpressions.Regex(@"workspace\s*\|\s*sample\s*\|\s*eval_function\s*\|\s*score"));
        Assert.AreEqual(1, lines.Count(l => l.Contains("x=3 ") || l.Contains("x=3|")), result.StandardOutput);
        Assert.AreEqual(1, lines.Count(l => l.Contains("x=16")), result.StandardOutput);
        Assert.AreEqual(2, lines.Count(l => l.Contains("| v1 ") && l.Contains("QuickStart.Kernels.RootError")));
        StringAssert.Contains(result.StandardOutput, "2 samples");
    }

    [TestMethod]
    public void InspectSamples_Json_SameDataWithSnapshotThatReproducesTheAnswer()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        SampleWriter.Write(folder.Path, "quickstart", 4, 9);
        var first = JsonDocument.Parse(SigilCli.Run(folder.Path, "inspect-samples", "quickstart", "--json").StandardOutput).RootElement;
        SampleWriter.Write(folder.Path, "quickstart", 25);

        var snapshot = first.GetProperty("snapshot").GetString()!;
        var again = JsonDocument.Parse(SigilCli.Run(folder.Path, "inspect-samples", "quickstart", "--json", "--snapshot", snapshot).StandardOutput).RootElement;
        var now = JsonDocument.Parse(SigilCli.Run(folder.Path, "inspect-samples", "quickstart", "--json").StandardOutput).RootElement;

        Assert.AreEqual(2, first.GetProperty("count").GetInt32());
        var record = first.GetProperty("records")[0];
        foreach (var field in new[] { "trace_id", "timestamp", "function_id", "candidate_id", "resolver_mode", "allocation", "metrics", "resources", "inputs", "output", "environment" })
        {
            Assert.IsTrue(record.TryGetProperty(field, out _), $"record lacks {field}");
        }
        Assert.AreEqual(SampleWriter.FunctionId, record.GetProperty("function_id").GetString());
        Assert.AreEqual(first.GetProperty("sample_set_hash").GetString(), again.GetProperty("sample_set_hash").GetString());
        Assert.AreEqual(2, again.GetProperty("count").GetInt32());
        Assert.AreEqual(3, now.GetProperty("count").GetInt32());
    }

    [TestMethod]
    public void InspectSamples_UnknownSpec_ListsTheSpecsThatHaveSamples()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        SampleWriter.Write(folder.Path, "quickstart", 1);

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "inspect-samples", "quikstart"), 1, "Specs with samples: quickstart");
    }

    [TestMethod]
    [DataRow("--snapshot", "snap://b3:1234", 1, "not a snapshot id")]
    [DataRow("--since", "yesterday-ish", 2, "ISO 8601")]
    [DataRow("--last", "-5", 2, "positive")]
    [DataRow("--last", "many", 2, "many")]
    public void InspectSamples_BadOption_OneLineErrorAndLogUntouched(string option, string value, int exit, string fragment)
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        SampleWriter.Write(folder.Path, "quickstart", 1);
        var before = folder.Snapshot();

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "inspect-samples", "quickstart", option, value), exit, fragment);
        CollectionAssert.AreEquivalent(before.ToList(), folder.Snapshot().ToList());
    }

    [TestMethod]
    public void InspectSamples_NoSamplesYet_SaysHowToGetThem()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");

        var result = SigilCli.Run(folder.Path, "inspect-samples", "quickstart");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.StandardOutput, "sigil tracker start");
    }
}
