using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.MSBuild;

namespace Sigil.Evaluation.Compilation;

/// <summary>
/// The user's real project, opened once with MSBuildWorkspace and kept warm for <see cref="CandidateCompiler"/>: its
/// compilation (documents, references, options), its source generators' driver after a run on the baseline, and its
/// parse options. Opening costs seconds (an out-of-process MSBuild design-time build plus the first generator run);
/// every candidate afterwards forks the warm state in memory.
/// </summary>
/// <remarks>
/// <para>
/// The project must have been restored (and, for the evaluation to run what it compiles, built): references to other
/// projects are taken from their build output, like the real build (a referenced project without output is compiled
/// from source and reported in <see cref="LoadDiagnostics"/>). Opening runs MSBuild's design-time targets, which
/// refresh generated files under <c>obj/</c> as an IDE does; no source file is written.
/// </para>
/// <para>
/// Thread safety: the properties may be read from any thread; compilations through <see cref="CandidateCompiler"/> run
/// one at a time per session (a second caller waits).
/// </para>
/// </remarks>
public sealed class ProjectSession : IDisposable
{
    private readonly MSBuildWorkspace _workspace;
    private bool _disposed;

    private ProjectSession(
        MSBuildWorkspace workspace,
        Project project,
        WarmCompilation warm,
        SourcePaths paths,
        ImmutableArray<ProjectLoadDiagnostic> loadDiagnostics,
        TimeSpan openElapsed)
    {
        _workspace = workspace;
        Warm = warm;
        Paths = paths;
        ProjectPath = project.FilePath!;
        ProjectDirectory = Path.GetDirectoryName(ProjectPath)!;
        AssemblyName = project.AssemblyName;
        OutputFilePath = project.OutputFilePath;
        LoadDiagnostics = loadDiagnostics;
        OpenElapsed = openElapsed;
        Sources = BuildSources(project, warm, paths);
    }

    /// <summary>The project file (full path).</summary>
    public string ProjectPath { get; }

    /// <summary>The project's folder (full path).</summary>
    public string ProjectDirectory { get; }

    /// <summary>The folder <see cref="Sources"/> keys are relative to (full path; see <see cref="ProjectSessionOptions.SourceRoot"/>).</summary>
    public string SourceRoot => Paths.Root;

    /// <summary>The project's assembly name; every image compiled in the session has it.</summary>
    public string AssemblyName { get; }

    /// <summary>
    /// Where the real build puts the project's assembly (<c>bin/…/App.dll</c>); its folder holds the dependencies a
    /// compiled candidate needs at run time. <c>null</c> when MSBuild did not say.
    /// </summary>
    public string? OutputFilePath { get; }

    /// <summary>What MSBuild reported while loading (failures only when <see cref="ProjectSessionOptions.AllowLoadFailures"/>).</summary>
    public ImmutableArray<ProjectLoadDiagnostic> LoadDiagnostics { get; }

    /// <summary>How long opening took: MSBuild's load plus building the warm compilation and the first generator run.</summary>
    public TimeSpan OpenElapsed { get; }

    /// <summary>The source generators the project uses (type names); they run on every candidate.</summary>
    public ImmutableArray<string> Generators => Warm.Generators;

    /// <summary>
    /// The project's own C# files under <see cref="SourceRoot"/> (not those MSBuild generates under <c>obj/</c>): key
    /// (relative path, <c>/</c> separators) → text. The sources to build candidates from.
    /// </summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>
    /// The baseline as it is compiled: the project's trees plus the generated ones. Immutable; safe to query (semantic
    /// models) from any thread.
    /// </summary>
    public CSharpCompilation Baseline => Warm.Baseline;

    /// <summary>The project's parse options.</summary>
    public CSharpParseOptions ParseOptions => Warm.ParseOptions;

    internal WarmCompilation Warm { get; }

    internal SourcePaths Paths { get; }

    /// <summary>Serializes compilations in this session.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>
    /// Opens <paramref name="projectPath"/> (a <c>.csproj</c>) with MSBuild and builds the warm compilation.
    /// </summary>
    /// <param name="projectPath">The project file.</param>
    /// <param name="options">Configuration, global properties, source root, optimization; <see cref="ProjectSessionOptions.Default"/> when <c>null</c>.</param>
    /// <param name="progress">Receives what is happening and how long it took (never the console).</param>
    /// <param name="cancellationToken">Stops the load.</param>
    /// <exception cref="ProjectLoadException">
    /// The file is missing, no .NET SDK was found, MSBuild failed to load it (unless
    /// <see cref="ProjectSessionOptions.AllowLoadFailures"/>), or it is not a C# project.
    /// </exception>
    public static async Task<ProjectSession> OpenAsync(
        string projectPath,
        ProjectSessionOptions? options = null,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectPath);
        options ??= ProjectSessionOptions.Default;
        var fullPath = Path.GetFullPath(projectPath);
        if (!File.Exists(fullPath))
        {
            throw new ProjectLoadException(fullPath, $"The project file '{fullPath}' does not exist.");
        }

        var watch = Stopwatch.StartNew();
        var workspace = MSBuildWorkspace.Create(GlobalProperties(options));
        workspace.LoadMetadataForReferencedProjects = true;
        try
        {
            progress?.Report($"Opening {fullPath} with MSBuild…");
            Project project;
            try
            {
                project = await workspace.OpenProjectAsync(fullPath, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw ProjectLoadException.FromOpenFailure(fullPath, e);
            }
            var loaded = watch.Elapsed;

            var diagnostics = workspace.Diagnostics
                .Select(d => new ProjectLoadDiagnostic(d.Kind == WorkspaceDiagnosticKind.Failure, d.Message))
                .ToList();
            if (project.Language != LanguageNames.CSharp)
            {
                throw new ProjectLoadException(fullPath, $"'{fullPath}' is a {project.Language} project; only C# projects can be compiled.", diagnostics);
            }
            foreach (var missing in project.AnalyzerReferences.Select(r => r.FullPath).Where(p => p is not null && !File.Exists(p)))
            {
                diagnostics.Add(new ProjectLoadDiagnostic(true,
                    $"The analyzer or source generator '{missing}' does not exist; build the project{(options.Configuration is { } c ? $" in {c}" : "")} first, or candidates compile without its generated code."));
            }
            ThrowOnFailures(fullPath, diagnostics, options);
            if (CompilerVersionCheck.Check(project.AnalyzerReferences.Select(r => r.FullPath)) is { } mismatch)
            {
                diagnostics.Add(mismatch);
            }

            var warm = await WarmCompilation.CreateAsync(project, options.OptimizationLevel, diagnostics, cancellationToken).ConfigureAwait(false);
            ThrowOnFailures(fullPath, diagnostics, options);
            foreach (var diagnostic in diagnostics)
            {
                progress?.Report(diagnostic.ToString());
            }

            var paths = new SourcePaths(options.SourceRoot ?? Path.GetDirectoryName(fullPath)!);
            var session = new ProjectSession(workspace, project, warm, paths, [.. diagnostics], watch.Elapsed);
            progress?.Report(
                $"Opened {project.Name} in {watch.Elapsed.TotalMilliseconds:F0} ms (MSBuild {loaded.TotalMilliseconds:F0} ms, "
                + $"warm compilation and generators {(watch.Elapsed - loaded).TotalMilliseconds:F0} ms): "
                + $"{session.Sources.Count} source files, {warm.Generators.Length} generators.");
            return session;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>Closes the workspace.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _workspace.Dispose();
        Gate.Dispose();
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static Dictionary<string, string> GlobalProperties(ProjectSessionOptions options)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (options.Configuration is { Length: > 0 } configuration)
        {
            properties["Configuration"] = configuration;
        }
        if (options.TargetFramework is { Length: > 0 } framework)
        {
            properties["TargetFramework"] = framework;
        }
        foreach (var (name, value) in options.Properties ?? new Dictionary<string, string>())
        {
            properties[name] = value;
        }
        return properties;
    }

    private static void ThrowOnFailures(string projectPath, List<ProjectLoadDiagnostic> diagnostics, ProjectSessionOptions options)
    {
        var failures = diagnostics.Where(d => d.IsFailure).ToList();
        if (failures.Count == 0 || options.AllowLoadFailures)
        {
            return;
        }
        throw new ProjectLoadException(
            projectPath,
            $"MSBuild failed to load '{projectPath}': {string.Join(" | ", failures.Select(f => f.Message))} "
            + "Fix the project so that 'dotnet build' succeeds, or open it with AllowLoadFailures to compile it as far as it loaded.",
            diagnostics);
    }

    /// <summary>The documents under the source root that are not MSBuild's own generated files.</summary>
    private static IReadOnlyDictionary<string, string> BuildSources(Project project, WarmCompilation warm, SourcePaths paths)
    {
        var projectDirectory = Path.GetDirectoryName(project.FilePath!)!;
        var excluded = new List<string> { Path.Combine(projectDirectory, "obj"), Path.Combine(projectDirectory, "bin") };
        if (project.CompilationOutputInfo.AssemblyPath is { } intermediate)
        {
            excluded.Add(Path.GetDirectoryName(intermediate)!);
        }
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in warm.TextsByPath)
        {
            if (paths.KeyOf(path) is { } key && !excluded.Any(folder => SourcePaths.IsUnder(path, folder)))
            {
                sources[key] = text;
            }
        }
        return sources.AsReadOnly();
    }
}
