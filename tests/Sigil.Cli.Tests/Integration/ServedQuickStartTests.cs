using System.Diagnostics;
using System.Text.Json;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Integration;

/// <summary>
/// The whole trust path as a user walks it: track the QuickStart, improve SumOfSquares offline, make a key, promote
/// (with the compiled artifact), verify, then run the real app in prod mode: it serves the promoted candidate, counts
/// its calls, and `sigil inspect-solutions` shows them. Tampered artifacts and replayed manifests make the same app
/// serve every baseline, with the reason in the resolver log and on stderr.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ServedQuickStartTests
{
    private const int Rounds = 7; // the app calls SumOfSquares once per round

    private static readonly string App = Path.Combine(Shell.RepositoryRoot(), "samples", "QuickStart", "bin", "Debug", "net10.0", "QuickStart.dll");

    private static CliResult Sigil(QuickStartProject project, Dictionary<string, string> environment, params string[] args) =>
        Shell.Run(project.Path, "dotnet", [Path.Combine(AppContext.BaseDirectory, "sigil.dll"), .. args], environment, timeoutSeconds: 300);

    private static CliResult RunApp(QuickStartProject project, string manifest, string mode = "prod") =>
        Shell.Run(project.Path, "dotnet", [App, "--rounds", Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string> { ["SIGIL_PROJECT_DIR"] = project.Path, ["SIGIL_MODE"] = mode, ["SIGIL_MANIFEST"] = manifest },
            timeoutSeconds: 60);

    private static string[] LogEvents(QuickStartProject project) =>
        [.. File.ReadAllLines(Path.Combine(project.SigilDirectory, "resolver", "resolver.log"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => e.GetProperty("event").GetString() + ": " + e.GetProperty("message").GetString())];

    private static long ServedCalls(QuickStartProject project, Dictionary<string, string> environment, string candidate)
    {
        var result = Sigil(project, environment, "inspect-solutions", "quickstart", "--json", "--top", "0");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("solutions").EnumerateArray()
            .Where(s => s.GetProperty("candidate").GetString() == candidate)
            .Sum(s => s.GetProperty("served_calls").GetInt64());
    }

    [TestMethod]
    public void ProdMode_ServesThePromotedCandidate_CountsItsUse_AndFallsBackOnTampering()
    {
        using var project = QuickStartProject.Create(rounds: 20);
        using var keys = new TempFolder();
        var environment = new Dictionary<string, string> { ["SIGIL_KEYS_DIR"] = keys.Path };
        var baseline = RunApp(project, "none.json", mode: "off");
        Assert.AreEqual(0, baseline.ExitCode, baseline.ToString());

        var run = Sigil(project, environment, "run", "quickstart", "--name", "v1", "--optimizer", "best-of-n", "--niter", "5", "--pin", "SumOfSquares");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(0, Sigil(project, environment, "keys", "new", "release", "--trust").ExitCode);
        var promote = Sigil(project, environment, "promote", "quickstart", "v1", "--key", "release", "--json");
        Assert.AreEqual(0, promote.ExitCode, promote.ToString());
        var promoted = JsonDocument.Parse(promote.StandardOutput).RootElement;
        var manifest = Path.Combine(project.Path, "sigil.manifest.json");
        var document = JsonDocument.Parse(File.ReadAllText(manifest)).RootElement;
        var pin = document.GetProperty("pins")[0];
        var candidate = pin.GetProperty("candidate").GetString()!;
        var artifact = Path.Combine(project.Path, "sigil-artifacts", pin.GetProperty("artifact").GetProperty("digest").GetString()!["art://b3:".Length..] + ".dll");
        Assert.IsTrue(File.Exists(artifact), promote.ToString());
        var verify = Sigil(project, environment, "verify", manifest);
        Assert.AreEqual(0, verify.ExitCode, verify.ToString());

        // prod: the promoted candidate serves every SumOfSquares call, with the same results as the baseline.
        var served = RunApp(project, "sigil.manifest.json");
        Assert.AreEqual(0, served.ExitCode, served.ToString());
        Assert.AreEqual(baseline.StandardOutput, served.StandardOutput, "the served candidate computes what the baseline did");
        var events = LogEvents(project);
        Assert.AreEqual(1, events.Length, string.Join('\n', events));
        StringAssert.StartsWith(events[0], "applied: serving 1 pin(s) of spec 'quickstart'");
        StringAssert.Contains(events[0], candidate);
        Assert.AreEqual((long)Rounds, ServedCalls(project, environment, candidate), "every call of the run was counted");
        Assert.AreEqual(promoted.GetProperty("manifest_id").GetString(),
            JsonDocument.Parse(File.ReadAllText(Path.Combine(project.SigilDirectory, "resolver", "applied.json"))).RootElement
                .GetProperty("quickstart").GetProperty("manifest_id").GetString());

        // A flipped byte in the artifact: every baseline, the reason logged and on stderr, no use counted.
        var bytes = File.ReadAllBytes(artifact);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(artifact, bytes);
        var tampered = RunApp(project, "sigil.manifest.json");
        Assert.AreEqual(0, tampered.ExitCode, tampered.ToString());
        Assert.AreEqual(baseline.StandardOutput, tampered.StandardOutput);
        StringAssert.Contains(tampered.StandardError, "serving every baseline: artifact-mismatch");
        StringAssert.StartsWith(LogEvents(project)[^1], "fallback: artifact-mismatch");
        Assert.AreEqual((long)Rounds, ServedCalls(project, environment, candidate), "a refused manifest serves nothing");
        Assert.AreNotEqual(0, Sigil(project, environment, "verify", manifest).ExitCode, "sigil verify refuses what the resolver refused");

        // Replay: after a newer manifest was applied, the older one is refused.
        var second = Sigil(project, environment, "promote", "quickstart", "v1", "--key", "release", "--out", "second.json");
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.AreEqual(0, RunApp(project, "second.json").ExitCode);
        StringAssert.StartsWith(LogEvents(project)[^1], "applied:");
        File.WriteAllBytes(artifact, [.. bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 0x20) : b)]);
        var replay = RunApp(project, "sigil.manifest.json");
        StringAssert.StartsWith(LogEvents(project)[^1], "fallback: replayed-sequence");
        StringAssert.Contains(replay.StandardError, "replayed-sequence");
        Assert.AreEqual(2L * Rounds, ServedCalls(project, environment, candidate), "the second manifest's run was counted too");

        // The QuickStart decides at start-up (SigilResolve=startup in its project: a short-lived tool). A service keeps
        // the default, background: it starts at once on baselines and switches when the manifest checks out.
        Assert.AreEqual("startup", JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(App, ".runtimeconfig.json"))).RootElement
            .GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("Sigil.Resolve").GetString());
        var before = ServedCalls(project, environment, candidate);
        var logged = LogEvents(project).Length;
        using var service = Process.Start(new ProcessStartInfo("dotnet", [App, "--forever"])
        {
            WorkingDirectory = project.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["SIGIL_PROJECT_DIR"] = project.Path, ["SIGIL_MODE"] = "prod", ["SIGIL_MANIFEST"] = "second.json", ["SIGIL_RESOLVE"] = "background",
            },
        })!;
        service.OutputDataReceived += (_, _) => { };
        service.BeginOutputReadLine();
        var stderr = service.StandardError.ReadToEndAsync();
        try
        {
            WaitFor(() => LogEvents(project).Length > logged, "the background decision");
            var decision = LogEvents(project)[logged];
            StringAssert.StartsWith(decision, "applied: serving 1 pin(s)");
            StringAssert.Contains(decision, "in the background");
            WaitFor(() => ServedCalls(project, environment, candidate) > before, "served calls counted (written every 2 s)");
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            service.WaitForExit();
        }
        Assert.AreEqual(string.Empty, stderr.Result, "no fallback");
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"{what}: not within 60 s");
            }
            Thread.Sleep(100);
        }
    }
}
