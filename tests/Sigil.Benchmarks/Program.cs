using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Sigil.Benchmarks.TrackerOffBenchmarks).Assembly).Run(args);
