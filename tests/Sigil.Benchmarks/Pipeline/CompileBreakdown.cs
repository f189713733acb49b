using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Sigil.Benchmarks.Pipeline;

/// <summary>
/// <c>--compile-breakdown</c>: where a warm candidate compile's time goes. For the same distinct candidates, alternating,
/// in the same run: <see cref="Evaluation.Compilation.CandidateCompiler.Compile"/> as the run calls it (parse, source
/// generators re-run, whole-assembly emit with a portable PDB, diagnostics), and the pieces done with Roslyn directly on
/// the session's public baseline compilation (which already holds the generated sources): parse alone; parse + swap +
/// emit with the PDB but without re-running the generators; the same without the PDB; and binding the changed tree alone
/// (its semantic diagnostics), which is all a one-file check needs.
/// </summary>
internal static class CompileBreakdown
{
    public static async Task<int> RunAsync(PipelineOptions options, TextWriter log)
    {
        await using var pipeline = await QuickStartPipeline.OpenAsync(options.Pin, options.Samples, options.SampleSeed, log);
        var baseline = pipeline.Session.Baseline;
        var oldTree = baseline.SyntaxTrees.Single(t => Path.GetFileName(t.FilePath) == QuickStartPipeline.KernelsKey);
        var parseOptions = pipeline.Session.ParseOptions;
        var globalUsings = baseline.SyntaxTrees.Single(t => t.FilePath.EndsWith(".GlobalUsings.g.cs", StringComparison.Ordinal));
        var library = baseline.Options.WithOutputKind(OutputKind.DynamicallyLinkedLibrary);
        var steps = new (string Name, Func<string, object?> Run)[]
        {
            ("CandidateCompiler.Compile (the run's: parse, generators, emit + PDB)", text => pipeline.Compile(text)),
            ("parse only", text => Parse(text, oldTree.FilePath, parseOptions)),
            ("parse + swap + emit + PDB, generators not re-run", text => Emit(baseline.ReplaceSyntaxTree(oldTree, Parse(text, oldTree.FilePath, parseOptions)), pdb: true)),
            ("parse + swap + emit, no PDB, generators not re-run", text => Emit(baseline.ReplaceSyntaxTree(oldTree, Parse(text, oldTree.FilePath, parseOptions)), pdb: false)),
            ("emit + PDB of the baseline compilation itself (declarations already bound)", _ => Emit(baseline, pdb: true)),
            ("emit + PDB of a fresh clone of the baseline (same trees, nothing bound)", _ => Emit(baseline.Clone(), pdb: true)),
            ("emit + PDB of Kernels.cs alone into its own assembly (same references and options)", text =>
                Emit(CSharpCompilation.Create("KernelsOnly", [Parse(text, oldTree.FilePath, parseOptions), globalUsings], baseline.References, library), pdb: true)),
            ("emit + PDB of one empty class (same references and options)", _ =>
                Emit(CSharpCompilation.Create("Empty", [CSharpSyntaxTree.ParseText("internal static class Empty { }", parseOptions)], baseline.References, library), pdb: true)),
            ("parse + swap + bind the changed file only (no emit)", text =>
            {
                var tree = Parse(text, oldTree.FilePath, parseOptions);
                return baseline.ReplaceSyntaxTree(oldTree, tree).GetSemanticModel(tree).GetDiagnostics();
            }),
        };
        var times = steps.Select(_ => new List<double>()).ToArray();
        long tag = 1;
        var total = options.Warmup + options.Candidates * options.Repeats;
        for (var i = 0; i < total; i++)
        {
            var text = pipeline.CandidateSource(tag++, (int)(tag % 4));
            for (var s = 0; s < steps.Length; s++)
            {
                var watch = Stopwatch.StartNew();
                GC.KeepAlive(steps[s].Run(text));
                if (i >= options.Warmup) times[s].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var reference = CandidatesPerSecond.Median(times[0]);
        log.WriteLine();
        log.WriteLine("Machine at the end: " + QuickStartPipeline.Machine() + ".");
        log.WriteLine($"Pin QuickStart.Kernels.{options.Pin}: {total - options.Warmup} distinct candidates (after {options.Warmup} untimed), each step on each, in turn; "
            + $"{pipeline.Session.Sources.Count} source files, generators: {string.Join(", ", pipeline.Session.Generators)}.");
        log.WriteLine();
        log.WriteLine("| Step | Median ms | Mean ms | 90th pct ms | Ratio |");
        log.WriteLine("|---|---:|---:|---:|---:|");
        for (var s = 0; s < steps.Length; s++)
        {
            var sorted = times[s].Order().ToArray();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {steps[s].Name} | {CandidatesPerSecond.Median(sorted):F1} | {sorted.Average():F1} | {sorted[(int)(0.9 * (sorted.Length - 1))]:F1} | {CandidatesPerSecond.Median(sorted) / reference:F2} |"));
        }
        return 0;
    }

    private static SyntaxTree Parse(string text, string path, CSharpParseOptions options) =>
        CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8, SourceHashAlgorithm.Sha256), options, path);

    private static EmitResult Emit(CSharpCompilation compilation, bool pdb)
    {
        using var image = new MemoryStream();
        using var symbols = pdb ? new MemoryStream() : null;
        var emitOptions = pdb ? new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: compilation.AssemblyName + ".pdb") : null;
        var result = compilation.Emit(image, symbols, options: emitOptions);
        return result.Success ? result : throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}
