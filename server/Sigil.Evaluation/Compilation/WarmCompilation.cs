using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sigil.Evaluation.Compilation;

/// <summary>
/// The state a session keeps warm: the project's compilation without generated sources (<see cref="Source"/>), the
/// generator driver after running on it (<see cref="Driver"/>: its incremental caches make the next run cheap), and
/// the two together (<see cref="Baseline"/>). All immutable: every candidate forks from here, none changes it.
/// </summary>
internal sealed class WarmCompilation
{
    private WarmCompilation(
        CSharpCompilation source,
        CSharpCompilation baseline,
        GeneratorDriver driver,
        ImmutableArray<Diagnostic> generatorDiagnostics,
        CSharpParseOptions parseOptions,
        IReadOnlyDictionary<string, SyntaxTree> treesByPath,
        IReadOnlyDictionary<string, string> textsByPath,
        ImmutableArray<string> generators)
    {
        Source = source;
        Baseline = baseline;
        Driver = driver;
        GeneratorDiagnostics = generatorDiagnostics;
        ParseOptions = parseOptions;
        TreesByPath = treesByPath;
        TextsByPath = textsByPath;
        Generators = generators;
    }

    /// <summary>The project's own syntax trees, references and options.</summary>
    public CSharpCompilation Source { get; }

    /// <summary><see cref="Source"/> with the generated sources added: what the baseline emits.</summary>
    public CSharpCompilation Baseline { get; }

    /// <summary>The driver after its run on <see cref="Source"/>.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>What the generators reported on the baseline.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The project's parse options (language version, preprocessor symbols, features such as interceptor namespaces).</summary>
    public CSharpParseOptions ParseOptions { get; }

    /// <summary>The project's syntax trees by full path.</summary>
    public IReadOnlyDictionary<string, SyntaxTree> TreesByPath { get; }

    /// <summary>The baseline texts by full path.</summary>
    public IReadOnlyDictionary<string, string> TextsByPath { get; }

    /// <summary>The generators' type names.</summary>
    public ImmutableArray<string> Generators { get; }

    /// <summary>
    /// Builds the warm state of <paramref name="project"/>. Referenced projects without build output (which
    /// MSBuildWorkspace then loads from source) are compiled in memory and reported in <paramref name="loadDiagnostics"/>.
    /// </summary>
    public static async Task<WarmCompilation> CreateAsync(
        Project project,
        OptimizationLevel? optimization,
        List<ProjectLoadDiagnostic> loadDiagnostics,
        CancellationToken cancellationToken)
    {
        var parseOptions = (CSharpParseOptions)project.ParseOptions!;
        var options = (CSharpCompilationOptions)project.CompilationOptions!;
        if (optimization is { } level)
        {
            options = options.WithOptimizationLevel(level);
        }

        var trees = new List<SyntaxTree>();
        var treesByPath = new Dictionary<string, SyntaxTree>(SourcePaths.Comparer);
        var textsByPath = new Dictionary<string, string>(SourcePaths.Comparer);
        foreach (var document in project.Documents)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            if (tree is null || document.FilePath is null)
            {
                continue;
            }
            trees.Add(tree);
            var path = Path.GetFullPath(document.FilePath);
            treesByPath[path] = tree;
            textsByPath[path] = (await tree.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
        }

        var references = project.MetadataReferences.ToList();
        foreach (var reference in project.ProjectReferences)
        {
            var referenced = project.Solution.GetProject(reference.ProjectId);
            var compilation = referenced is null ? null : await referenced.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                loadDiagnostics.Add(new ProjectLoadDiagnostic(true, $"The referenced project {referenced?.FilePath ?? reference.ProjectId.ToString()} could not be compiled."));
                continue;
            }
            loadDiagnostics.Add(new ProjectLoadDiagnostic(false,
                $"The referenced project {referenced!.FilePath} has no build output; it is compiled from source in memory. Build the project once so candidates are compiled against the same output they will run with."));
            references.Add(compilation.ToMetadataReference(reference.Aliases, reference.EmbedInteropTypes));
        }

        var source = CSharpCompilation.Create(project.AssemblyName, trees, references, options);

        var generators = project.AnalyzerReferences.SelectMany(r => r.GetGenerators(LanguageNames.CSharp)).ToImmutableArray();
        var generatedDirectory = project.CompilationOutputInfo.GeneratedFilesOutputDirectory
            ?? (project.CompilationOutputInfo.AssemblyPath is { } assemblyPath ? Path.Combine(Path.GetDirectoryName(assemblyPath)!, "generated") : null);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators,
            project.AnalyzerOptions.AdditionalFiles,
            parseOptions,
            project.AnalyzerOptions.AnalyzerConfigOptionsProvider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false, generatedDirectory));
        driver = driver.RunGeneratorsAndUpdateCompilation(source, out var baseline, out var generatorDiagnostics, cancellationToken);

        return new WarmCompilation(
            source,
            (CSharpCompilation)baseline,
            driver,
            generatorDiagnostics,
            parseOptions,
            treesByPath,
            textsByPath,
            [.. generators.Select(g => g.GetGeneratorType().FullName ?? g.GetGeneratorType().Name)]);
    }
}
