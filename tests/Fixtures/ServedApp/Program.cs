using System.Globalization;
using ServedApp;
using Sigil.Runtime;

// Starts (the generated module initializer has already registered the project; in prod mode with the default
// background timing the resolver is verifying the manifest on its worker thread meanwhile), waits for the resolver's
// decision unless told not to (--no-wait), calls both pins once and prints one line: the mode, how many pins are
// served, the fallback reason, and the resolver's timings (how long registration held up start-up, how long the
// decision took, and when it was applied after registration).
// Run by `Sigil.Benchmarks --resolver-cold` with SIGIL_PROJECT_DIR, SIGIL_MODE and SIGIL_MANIFEST set.
var project = PinRegistry.Projects.Single(p => p.Specs.Any(s => s.Name == "served"));
var waited = args.Contains("--no-wait") || project.WaitForResolution(TimeSpan.FromSeconds(30));
var root = Kernels.Root(2);
var tiny = Kernels.Tiny(20);
var resolution = project.Resolution;
static string Ms(TimeSpan? t) => t is { } v ? v.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture) : "none";
Console.WriteLine($"mode={resolution.Mode} served={resolution.Served.Count} root={root:R} tiny={tiny} fallback={resolution.FallbackReason ?? "none"} "
    + $"timing={resolution.Timing} decided={waited && !resolution.Pending} registration_ms={Ms(resolution.RegistrationTime)} "
    + $"decision_ms={Ms(resolution.DecisionTime)} decided_after_ms={Ms(resolution.DecidedAfter)}");
return 0;
