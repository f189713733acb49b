using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Sigil.Benchmarks.PinOverheadBenchmarks).Assembly).Run(args);
