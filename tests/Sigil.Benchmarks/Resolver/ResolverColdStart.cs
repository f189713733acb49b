using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sigil.Benchmarks.Pipeline;

namespace Sigil.Benchmarks.Resolver;

/// <summary>
/// <c>--resolver-cold [--runs N]</c>: what the resolver costs an app's start-up, in fresh processes. Runs the built
/// tests/Fixtures/ServedApp N times (default 20) in each of: off; prod with the default background timing (waiting
/// for the decision, which must serve both pins); the same without waiting; prod with <c>SIGIL_RESOLVE=startup</c>
/// (all against one signed manifest, as a deployed app restarts: the same project directory, applied.json recorded by
/// the first, uncounted, run). ServedApp prints the resolver's own timings: how long registering the pins (the
/// generated module initializer's call into Sigil) held up start-up, how long the decision took (read, verify, hash,
/// load, bind, record; JIT included, since the process is cold) and when it was applied after registration; the
/// process wall times are compared too. <c>--app</c> runs another build of the same ServedApp.dll (e.g. with its Sigil libraries
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
        // Per run, four fresh processes, interleaved so that load changes hit each alike: off; prod with the default
        // background timing, waiting for the decision (so it is made and served); the same not waiting (--no-wait: the
        // app's own wall time when nothing waits for the verification); prod with SIGIL_RESOLVE=startup (the decision
        // inside the module initializer, as before issue 4's last step).
        var series = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string name, double value) => (series.TryGetValue(name, out var list) ? list : series[name] = []).Add(value);
        var prodEnvironment = new Dictionary<string, string>(extra.Concat(project.ProdEnvironment));
        for (var run = 0; run <= runs; run++)
        {
            var off = Launch(app, [], new Dictionary<string, string>(extra)
            {
                ["SIGIL_PROJECT_DIR"] = offDirectory, ["SIGIL_MODE"] = "off", ["SIGIL_MANIFEST"] = "", ["SIGIL_TRACKER"] = "disabled",
            });
            Expect(off, "mode=Off served=0 ", "off");
            var background = Launch(app, [], new Dictionary<string, string>(prodEnvironment) { ["SIGIL_RESOLVE"] = "background" });
            Expect(background, $"mode=Prod served={ServedProject.PinMethods.Length} ", "prod, background");
            var noWait = Launch(app, ["--no-wait"], new Dictionary<string, string>(prodEnvironment) { ["SIGIL_RESOLVE"] = "background" });
            Expect(noWait, "mode=Prod ", "prod, background, not waiting");
            var startup = Launch(app, [], new Dictionary<string, string>(prodEnvironment) { ["SIGIL_RESOLVE"] = "startup" });
            Expect(startup, $"mode=Prod served={ServedProject.PinMethods.Length} ", "prod, startup");
            var last = JsonDocument.Parse(File.ReadLines(logPath).Last()).RootElement;
            if (last.GetProperty("event").GetString() != "applied" || !DecisionPattern().IsMatch(last.GetProperty("message").GetString()!))
            {
                throw new InvalidOperationException("the resolver log's last line is not a prod decision: " + last);
            }
            var label = run == 0 ? "warm-up (first start: no applied.json), not counted" : $"run {run}";
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: registration off {off.Field("registration_ms"):F2}, background {background.Field("registration_ms"):F2}, startup {startup.Field("registration_ms"):F2} ms; "
                + $"background decision {background.Field("decision_ms"):F1} ms, applied {background.Field("decided_after_ms"):F1} ms after registration; "
                + $"wall off {off.WallMs:F0}, background (no wait) {noWait.WallMs:F0}, startup {startup.WallMs:F0} ms"));
            if (run == 0)
            {
                continue;
            }
            Add("registration, off", off.Field("registration_ms"));
            Add("registration, prod background", background.Field("registration_ms"));
            Add("registration, prod background (no wait)", noWait.Field("registration_ms"));
            Add("registration, prod startup", startup.Field("registration_ms"));
            Add("registration, prod background − off (paired)", background.Field("registration_ms") - off.Field("registration_ms"));
            Add("decision on the worker thread (background)", background.Field("decision_ms"));
            Add("registration → pins switched (background)", background.Field("decided_after_ms"));
            Add("decision in the module initializer (startup)", startup.Field("decision_ms"));
            Add("process wall time, off", off.WallMs);
            Add("process wall time, prod background, not waiting", noWait.WallMs);
            Add("process wall time, prod startup", startup.WallMs);
            Add("process wall time, prod background (no wait) − off (paired)", noWait.WallMs - off.WallMs);
            Add("process wall time, prod startup − off (paired)", startup.WallMs - off.WallMs);
        }
        Directory.Delete(offDirectory, recursive: true);
        log.WriteLine("# load average at end: " + File.ReadAllText("/proc/loadavg").Trim());
        log.WriteLine();
        log.WriteLine($"| Measure ({runs} fresh processes each) | Median | p95 | Min | Max | Mean |");
        log.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, values) in series)
        {
            Row(log, name, values);
        }
        log.WriteLine();
        // The target is about the manifest: what start-up waits for because a manifest is loaded and verified, i.e. prod
        // registration over off registration in paired processes. Registration in all is printed beside it.
        var manifestPart = series["registration, prod background − off (paired)"];
        var registration = series["registration, prod background"];
        var verdict = Quantile(manifestPart, 0.95) <= 5 ? "met" : Quantile(manifestPart, 0.5) <= 5 ? "met at the median, missed at p95" : "MISSED";
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target ≤ 5 ms, start-up held up by manifest load + verification (prod background − off, paired): median {Quantile(manifestPart, 0.5):F2} ms, p95 {Quantile(manifestPart, 0.95):F2} ms: {verdict}"));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"registration in all, prod background (Sigil's own start-up, most of it paid in off mode too): median {Quantile(registration, 0.5):F2} ms, p95 {Quantile(registration, 0.95):F2} ms"));
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

    /// <summary>One run of ServedApp: its wall time and its output line's <c>name=value</c> fields.</summary>
    private sealed record AppRun(double WallMs, string Output)
    {
        public double Field(string name)
        {
            var field = Output.Split(' ').FirstOrDefault(f => f.StartsWith(name + "=", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"ServedApp printed no {name}: {Output}");
            return double.Parse(field[(name.Length + 1)..], CultureInfo.InvariantCulture);
        }
    }

    private static void Expect(AppRun run, string prefix, string what)
    {
        if (!run.Output.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{what}: expected '{prefix}…', got: {run.Output}");
        }
    }

    private static AppRun Launch(string app, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [app, .. arguments])
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
        return new AppRun(elapsed, output.Trim());
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
