using BenchmarkDotNet.Running;
using Sigil.Benchmarks.Pipeline;

// --candidates-per-second and --acceptance run the candidate pipeline harness (Pipeline/); anything else goes to
// BenchmarkDotNet (e.g. --filter '*Tracker*'). Commands and results: docs/benchmarks.md.
switch (args.FirstOrDefault())
{
    case "--candidates-per-second":
        return await CandidatesPerSecond.RunAsync(PipelineOptions.Parse(args[1..], new PipelineOptions()), Console.Out);
    case "--compile-breakdown":
        return await CompileBreakdown.RunAsync(PipelineOptions.Parse(args[1..], new PipelineOptions { Candidates = 20, Repeats = 3 }), Console.Out);
    case "--acceptance":
        return await AcceptanceCheck.RunAsync(PipelineOptions.Parse(args[1..], new PipelineOptions { Pin = PinKind.Root, Warmup = 5 }), Console.Out);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Sigil.Benchmarks.TrackerOffBenchmarks).Assembly).Run(args);
        return 0;
}
