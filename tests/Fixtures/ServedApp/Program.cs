using ServedApp;
using Sigil.Runtime;

// Starts (the generated module initializer has already registered the project and, in prod mode, made the resolver's
// decision), calls both pins once and prints one line: the mode, how many pins are served and the fallback reason.
// Run by `Sigil.Benchmarks --resolver-cold` with SIGIL_PROJECT_DIR, SIGIL_MODE and SIGIL_MANIFEST set.
var root = Kernels.Root(2);
var tiny = Kernels.Tiny(20);
var project = PinRegistry.Projects.Single(p => p.Specs.Any(s => s.Name == "served"));
var resolution = project.Resolution;
Console.WriteLine($"mode={resolution.Mode} served={resolution.Served.Count} root={root:R} tiny={tiny} fallback={resolution.FallbackReason ?? "none"}");
return 0;
