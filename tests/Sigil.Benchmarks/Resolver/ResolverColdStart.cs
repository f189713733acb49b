using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sigil.Benchmarks.Pipeline;

namespace Sigil.Benchmarks.Resolver;

/// <summary>
/// <c>--resolver-cold [--runs N]</c>: the resolver's prod decision in a fresh process, what an app pays at start-up.
/// Runs the built tests/Fixtures/ServedApp N times (default 20) in prod mode against one signed manifest (as a
/// deployed app restarts: the same project directory, applied.json recorded by the first, untimed, run) and reads the
/// figure the resolver itself logs in <c>.sigil/resolver/resolver.log</c>: "verified and bound in X ms" (read the
/// manifest, verify it, read and hash the artifacts, load and bind them, record applied.json; JIT included, since the
/// process is cold). Every run must serve both pins. Interleaved with each prod run, the same app in off mode, so the
/// whole process's wall time can be compared (what prod costs an app's start-up in all, JIT and assembly loads of the
/// verifier included). <c>--app</c> runs another build of the same ServedApp.dll (e.g. with its Sigil libraries
/// ReadyToRun-compiled: docs/benchmarks.md has the commands). <c>--steps K</c> then runs K processes of <see cref="ResolverColdSteps"/>: where the time goes.
/// </summary>
internal static partial class ResolverColdStart
{
    public static int Run(IReadOnlyList<string> args, TextWriter log)
    {
        var runs = 20;
        var steps = 0;
        string? appPath = null;
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                runs = n;
                i++;
            }
            else if (args[i] == "--steps" && i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var k) && k >= 0)
            {
                steps = k;
                i++;
            }
            else if (args[i] == "--app" && i + 1 < args.Count)
            {
                appPath = Path.GetFullPath(args[++i]);
            }
            else if (args[i] == "--env" && i + 1 < args.Count && args[i + 1].IndexOf('=') > 0)
            {
                var pair = args[++i];
                extra[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            }
            else
            {
                log.WriteLine($"unknown argument {args[i]}; usage: --resolver-cold [--runs N] [--steps K] [--app PATH/ServedApp.dll] [--env NAME=VALUE]... (--steps: K more processes timing each step; --app: another build of ServedApp, e.g. ReadyToRun-compiled; --env: for every process)");
                return 2;
            }
        }
        var app = appPath ?? FindServedApp();
        var loaded = Assembly.Load(new AssemblyName(ServedProject.AssemblyName));
        if (!File.ReadAllBytes(loaded.Location).AsSpan().SequenceEqual(File.ReadAllBytes(app)))
        {
            throw new InvalidOperationException($"{app} differs from the {loaded.Location} this harness references; rebuild");
        }
        using var project = ServedProject.Create(servedApp: loaded);
        var offDirectory = Directory.CreateTempSubdirectory("sigil-bench-cold-off-").FullName;
        var logPath = Path.Combine(project.Directory, ".sigil", "resolver", "resolver.log");
        log.WriteLine($"# app: {app}");
        log.WriteLine($"# project: {project.Directory}; manifest with {ServedProject.PinMethods.Length} pins and their artifacts");
        log.WriteLine("# load average at start: " + File.ReadAllText("/proc/loadavg").Trim());
        log.WriteLine("# extra environment: " + (extra.Count == 0 ? "none" : string.Join(" ", extra.Select(e => $"{e.Key}={e.Value}"))));
        var decisions = new List<double>();
        var prodWall = new List<double>();
        var offWall = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var (offMs, offOut) = Launch(app, new Dictionary<string, string>(extra)
            {
                ["SIGIL_PROJECT_DIR"] = offDirectory, ["SIGIL_MODE"] = "off", ["SIGIL_MANIFEST"] = "", ["SIGIL_TRACKER"] = "disabled",
            });
            if (!offOut.StartsWith("mode=Off served=0 ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("off run: " + offOut);
            }
            var (prodMs, prodOut) = Launch(app, new Dictionary<string, string>(extra.Concat(project.ProdEnvironment)));
            if (!prodOut.StartsWith($"mode=Prod served={ServedProject.PinMethods.Length} ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("prod run does not serve every pin: " + prodOut);
            }
            var last = JsonDocument.Parse(File.ReadLines(logPath).Last()).RootElement;
            var message = last.GetProperty("message").GetString()!;
            var match = DecisionPattern().Match(message);
            if (last.GetProperty("event").GetString() != "applied" || !match.Success)
            {
                throw new InvalidOperationException("the resolver log's last line is not a prod decision: " + message);
            }
            var decision = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var label = run == 0 ? "warm-up (first start: no applied.json), not counted" : $"run {run}";
            log.WriteLine($"{label}: decision {decision:F1} ms; process wall: prod {prodMs:F0} ms, off {offMs:F0} ms");
            if (run > 0)
            {
                decisions.Add(decision);
                prodWall.Add(prodMs);
                offWall.Add(offMs);
            }
        }
        Directory.Delete(offDirectory, recursive: true);
        log.WriteLine("# load average at end: " + File.ReadAllText("/proc/loadavg").Trim());
        log.WriteLine();
        log.WriteLine($"| Measure ({runs} fresh processes) | Median | p95 | Min | Max | Mean |");
        log.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row(log, "prod decision, as logged (\"verified and bound in\")", decisions);
        Row(log, "process wall time, prod", prodWall);
        Row(log, "process wall time, off", offWall);
        Row(log, "process wall time, prod − off (paired)", [.. prodWall.Zip(offWall, (p, o) => p - o)]);
        log.WriteLine();
        log.WriteLine($"target ≤ 5 ms: median {Quantile(decisions, 0.5):F2} ms, p95 {Quantile(decisions, 0.95):F2} ms: "
            + (Quantile(decisions, 0.95) <= 5 ? "met" : Quantile(decisions, 0.5) <= 5 ? "met at the median, missed at p95" : "MISSED"));
        if (steps > 0)
        {
            ResolverColdSteps.Measure(project.Directory, steps, extra, log);
        }
        return 0;
    }

    /// <summary>The nearest-rank quantile (p95 of 20 values is the 19th smallest).</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static void Row(TextWriter log, string name, IReadOnlyList<double> values) =>
        log.WriteLine($"| {name} | {Quantile(values, 0.5):F2} ms | {Quantile(values, 0.95):F2} ms | {values.Min():F2} ms | {values.Max():F2} ms | {values.Average():F2} ms |");

    private static (double Ms, string Output) Launch(string app, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [app])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0 || error.Length > 0)
        {
            throw new InvalidOperationException($"ServedApp exited with {process.ExitCode}: {output}{error}");
        }
        return (elapsed, output.Trim());
    }

    /// <summary>tests/Fixtures/ServedApp's own build output, in this harness's configuration (its deps.json finds the native libraries).</summary>
    private static string FindServedApp()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var path = Path.Combine(QuickStartPipeline.RepositoryRoot, "tests", "Fixtures", "ServedApp", "bin", configuration, "net10.0", "ServedApp.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing; build tests/Sigil.Benchmarks (it builds ServedApp)");
    }

    [GeneratedRegex(@"verified and bound in ([0-9]+(?:\.[0-9]+)?) ms")]
    private static partial Regex DecisionPattern();
}
