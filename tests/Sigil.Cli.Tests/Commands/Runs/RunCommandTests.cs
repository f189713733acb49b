using System.Text.Json;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands.Runs;

/// <summary>`sigil run`, `inspect-solutions`, `show` and `compare` through the real executable on the real QuickStart app.</summary>
[TestClass]
public sealed class RunCommandTests
{
    private static QuickStartProject s_project = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _) => s_project = QuickStartProject.Create();

    [ClassCleanup]
    public static void Cleanup() => s_project.Dispose();

    [TestMethod]
    public void Run_RulesOnSumOfSquares_StoresACandidateThatShowInspectAndCompareSee()
    {
        var run = SigilCli.Run(s_project.Path, "run", "quickstart", "--name", "rules", "--niter", "3", "--rounds", "5", "--pin", "SumOfSquares", "--json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var pin = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("pins")[0];
        var best = pin.GetProperty("best_candidate").GetString();
        Assert.IsNotNull(best, run.StandardOutput);
        Assert.AreEqual(3, pin.GetProperty("trials").GetInt32());
        Assert.AreEqual(string.Empty, run.StandardError.Trim(), "--json keeps stderr quiet");

        var solutions = SigilCli.Run(s_project.Path, "inspect-solutions", "quickstart", "--name", "rules");
        Assert.AreEqual(0, solutions.ExitCode, solutions.ToString());
        StringAssert.Contains(solutions.StandardOutput, best!["diff://b3:".Length..][..12]);
        StringAssert.Contains(solutions.StandardOutput, "QuickStart.Kernels.SumIsExact");

        var show = SigilCli.Run(s_project.Path, "show", best["diff://b3:".Length..][..10]);
        Assert.AreEqual(0, show.ExitCode, show.ToString());
        StringAssert.Contains(show.StandardOutput, "--- a/Kernels.cs");
        StringAssert.Contains(show.StandardOutput, "-    public static long SumOfSquares(int[] values) => values.Select");

        var compare = SigilCli.Run(s_project.Path, "compare", "quickstart", "rules", "--rounds", "5", "--json");
        Assert.AreEqual(0, compare.ExitCode, compare.ToString());
        var comparison = JsonDocument.Parse(compare.StandardOutput).RootElement.GetProperty("comparisons")[0];
        Assert.IsTrue(comparison.GetProperty("correct").GetBoolean(), compare.StandardOutput);
        Assert.IsGreaterThan(1.0, comparison.GetProperty("metrics").GetProperty("speedup").GetDouble(), compare.StandardOutput);
    }

    [TestMethod]
    public void Run_KilledMidway_ResumesFromTheLogAndFinishes()
    {
        var lines = new List<string>();
        var secondTrial = new ManualResetEventSlim();
        using (var process = s_project.Start(line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
            if (line.Contains("Kernels.Root(double) 2/", StringComparison.Ordinal))
            {
                secondTrial.Set();
            }
        }, "run", "quickstart", "--name", "killed", "--optimizer", "mads", "--niter", "8", "--rounds", "5", "--pin", "Root"))
        {
            Assert.IsTrue(secondTrial.Wait(TimeSpan.FromSeconds(120)), string.Join("\n", lines));
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var resumed = SigilCli.Run(s_project.Path, "run", "quickstart", "--name", "killed", "--optimizer", "mads", "--niter", "8", "--rounds", "5", "--pin", "Root", "--resume", "--json");

        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        var pin = JsonDocument.Parse(resumed.StandardOutput).RootElement.GetProperty("pins")[0];
        Assert.IsGreaterThanOrEqualTo(2, pin.GetProperty("resumed").GetInt32(), resumed.StandardOutput);
        Assert.IsLessThanOrEqualTo(8, pin.GetProperty("trials").GetInt32());
        Assert.IsNotNull(pin.GetProperty("best_candidate").GetString(), resumed.StandardOutput);
    }

    [TestMethod]
    [DataRow("--optimizer", "nope", "There is no optimizer 'nope'")]
    [DataRow("--niter", "0", "--niter must be between 1")]
    [DataRow("--accept-rounds", "2", "--accept-rounds must be between 3")]
    [DataRow("--param", "islands=0", "islands")]
    [DataRow("--allow", "Teleport", "is not a capability")]
    [DataRow("--pin", "NoSuchPin", "No pin of spec 'quickstart' matches")]
    public void Run_BadInput_OneLineErrorAndNothingStored(string option, string value, string fragment)
    {
        var before = Directory.GetFiles(s_project.SigilDirectory, "*", SearchOption.AllDirectories).Length;
        var optimizer = option == "--param" ? new[] { "--optimizer", "alphaevolve" } : [];

        var result = SigilCli.Run(s_project.Path, ["run", "quickstart", "--name", "bad", .. optimizer, option, value]);

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.ErrorLines[^1], "error: ");
        StringAssert.Contains(result.ErrorLines[^1], fragment);
        Assert.IsFalse(result.ErrorLines.Any(l => l.Contains("   at ", StringComparison.Ordinal)), "no stack trace");
        var solutions = SigilCli.Run(s_project.Path, "inspect-solutions", "quickstart", "--name", "bad");
        SigilCli.AssertFails(solutions, 1, "No candidates");
        Assert.IsLessThanOrEqualTo(before + 1, Directory.GetFiles(s_project.SigilDirectory, "*", SearchOption.AllDirectories).Length);
    }

    [TestMethod]
    public void Show_UnknownOrMalformedCandidate_OneLineError()
    {
        SigilCli.AssertFails(SigilCli.Run(s_project.Path, "show", "zz"), 1, "is not a candidate id");
        SigilCli.AssertFails(SigilCli.Run(s_project.Path, "show", "0123456789ab"), 1, "No candidate");
    }
}
