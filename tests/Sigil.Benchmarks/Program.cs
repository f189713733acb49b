using BenchmarkDotNet.Running;
using Sigil.Benchmarks.Lsp;
using Sigil.Benchmarks.Pipeline;
using Sigil.Benchmarks.Resolver;

// --candidates-per-second and --acceptance run the candidate pipeline harness (Pipeline/), --resolver-cold the resolver's
// fresh-process start-up harness (Resolver/ResolverColdStart), --served-call-paired an in-process paired check of the
// served call (Resolver/ServedCallPaired), --lsp-latency the language server's lens latencies and cold start (Lsp/LensLatency);
// anything else goes to
// BenchmarkDotNet (e.g. --filter '*Tracker*'). Commands and results: docs/benchmarks.md.
switch (args.FirstOrDefault())
{
    case "--candidates-per-second":
        return await CandidatesPerSecond.RunAsync(PipelineOptions.Parse(args[1..], new PipelineOptions()), Console.Out);
    case "--compile-breakdown":
        return await CompileBreakdown.RunAsync(PipelineOptions.Parse(args[1..], new PipelineOptions { Candidates = 20, Repeats = 3 }), Console.Out);
    case "--acceptance":
        return await AcceptanceCheck.RunAsync(PipelineOptions.Parse(args[1..], new PipelineOptions { Pin = PinKind.Root, Warmup = 5 }), Console.Out);
    case "--resolver-cold-steps" when args.Length == 2:
        return ResolverColdSteps.Run(args[1], Console.Out);
    case "--served-call-paired":
        return ServedCallPaired.Run(args[1..], Console.Out);
    case "--resolver-cold":
        return ResolverColdStart.Run(args[1..], Console.Out);
    case "--lsp-latency":
        return await LensLatency.RunAsync(args[1..], Console.Out);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Sigil.Benchmarks.TrackerOffBenchmarks).Assembly).Run(args);
        return 0;
}
