using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Sigil.Evaluation.Compilation;

/// <summary>
/// Compiles candidates in memory against a <see cref="ProjectSession"/>'s warm compilation: the candidate's files are
/// parsed with the project's parse options and swapped in (<c>ReplaceSyntaxTree</c>), the project's source generators run
/// again from the baseline's driver state (incrementally), and the whole assembly is emitted with a portable PDB.
/// </summary>
/// <remarks>
/// <para>
/// Generators must run for every candidate: the Sigil generator's interceptors name their call sites by a checksum of
/// the file holding them, so a candidate that changes such a file (a pin calling a pin, an edit to a caller) does not
/// compile with the baseline's generated code (CS9234); projects may also depend on other generators (JSON, regex,
/// LibraryImport). For evaluation the interceptors themselves are irrelevant (the evaluator calls the pin directly, and
/// calls from one pin to another take the dispatcher's direct path while the tracker is off), but the generated module
/// initializer registers the project's pins with <c>Sigil.Runtime</c>, which watches <c>.sigil/tracker.json</c>: a worker
/// that loads candidates must set <c>SIGIL_TRACKER=disabled</c> (or point <c>SIGIL_PROJECT_DIR</c> elsewhere) so that a
/// tracker left on never records candidates into the user's sample log.
/// </para>
/// <para>
/// Compile errors never throw: they are a <see cref="CompilationFailed"/>. Analyzers are not run (only the compiler's own
/// diagnostics and the generators'). A cancelled token throws <see cref="OperationCanceledException"/> promptly (Roslyn
/// checks it while parsing, generating, binding and emitting). One compilation runs at a time per session; concurrent
/// calls wait their turn.
/// </para>
/// </remarks>
public sealed class CandidateCompiler
{
    /// <summary>Warnings reported whatever file they are in: a source generator that threw (its output is missing).</summary>
    private static readonly ImmutableHashSet<string> AlwaysReported = ["CS8784", "CS8785"];

    private readonly ProjectSession _session;

    /// <summary>A compiler for candidates of <paramref name="session"/>.</summary>
    public CandidateCompiler(ProjectSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
    }

    /// <summary>Compiles the project as it is (no file changed).</summary>
    public CompilationResult CompileBaseline(CancellationToken cancellationToken = default) =>
        Compile(new Dictionary<string, string>(), cancellationToken);

    /// <summary>
    /// Compiles the project with <paramref name="sources"/> swapped in: source key (see <see cref="ProjectSession.Sources"/>),
    /// path relative to the source root, or full path → the file's whole new text. Give only the changed files
    /// (<c>Candidate.NewSources</c>) or all of them (<c>Candidate.ApplyTo(session.Sources)</c>): files whose text equals the
    /// baseline's are left as they are. The texts must be relative to the baseline: a candidate whose parent is another
    /// candidate passes its full texts (<c>ApplyTo</c> over the parent's).
    /// </summary>
    /// <exception cref="ArgumentException">A path is not one of the project's C# source files (candidates change existing files only).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    public CompilationResult Compile(IReadOnlyDictionary<string, string> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _session.ThrowIfDisposed();
        var warm = _session.Warm;
        var replacements = Resolve(sources, warm);

        _session.Gate.Wait(cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            var compilation = warm.Source;
            var changedTrees = new HashSet<SyntaxTree>();
            foreach (var (path, text) in replacements)
            {
                var tree = CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8, SourceHashAlgorithm.Sha256), warm.ParseOptions, path, cancellationToken);
                compilation = compilation.ReplaceSyntaxTree(warm.TreesByPath[path], tree);
                changedTrees.Add(tree);
            }

            Microsoft.CodeAnalysis.Compilation final;
            ImmutableArray<Diagnostic> generatorDiagnostics;
            if (changedTrees.Count == 0)
            {
                final = warm.Baseline;
                generatorDiagnostics = warm.GeneratorDiagnostics;
            }
            else
            {
                warm.Driver.RunGeneratorsAndUpdateCompilation(compilation, out final, out generatorDiagnostics, cancellationToken);
            }

            using var image = new MemoryStream();
            using var pdb = new MemoryStream();
            var emitOptions = new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: final.AssemblyName + ".pdb");
            var emitted = final.Emit(image, pdb, options: emitOptions, cancellationToken: cancellationToken);

            var changedFiles = replacements.Select(r => _session.Paths.Display(r.Path)).Order(StringComparer.Ordinal).ToImmutableArray();
            var diagnostics = Collect(generatorDiagnostics.Concat(emitted.Diagnostics), changedTrees);
            watch.Stop();
            if (emitted.Success && !diagnostics.Any(d => d.Severity == CompileSeverity.Error))
            {
                return new CompiledCandidate(image.ToArray(), pdb.ToArray(), final.AssemblyName!, diagnostics, changedFiles, watch.Elapsed);
            }
            return new CompilationFailed(diagnostics, changedFiles, watch.Elapsed);
        }
        finally
        {
            _session.Gate.Release();
        }
    }

    /// <summary>The changed files as (full path, text), sorted by path; unchanged ones dropped.</summary>
    private List<(string Path, string Text)> Resolve(IReadOnlyDictionary<string, string> sources, WarmCompilation warm)
    {
        var resolved = new SortedDictionary<string, (string Key, string Text)>(StringComparer.Ordinal);
        foreach (var (key, text) in sources)
        {
            ArgumentNullException.ThrowIfNull(text, $"{nameof(sources)}[{key}]");
            var path = _session.Paths.Resolve(key);
            if (!warm.TreesByPath.TryGetValue(path, out _))
            {
                throw new ArgumentException(
                    $"'{key}' ({path}) is not a C# source file of {_session.ProjectPath}; candidates change the project's existing files only.",
                    nameof(sources));
            }
            if (resolved.TryGetValue(path, out var other) && other.Text != text)
            {
                throw new ArgumentException($"'{key}' and '{other.Key}' name the same file with different texts.", nameof(sources));
            }
            resolved[path] = (key, text);
        }
        return [.. resolved.Where(r => !string.Equals(r.Value.Text, warm.TextsByPath[r.Key], StringComparison.Ordinal)).Select(r => (r.Key, r.Value.Text))];
    }

    private ImmutableArray<CompileDiagnostic> Collect(IEnumerable<Diagnostic> diagnostics, HashSet<SyntaxTree> changedTrees)
    {
        var result = new List<CompileDiagnostic>();
        var seen = new HashSet<(string, string?, int, int, string)>();
        foreach (var diagnostic in diagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            var inChanged = tree is not null && changedTrees.Contains(tree);
            var severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => CompileSeverity.Error,
                DiagnosticSeverity.Warning when inChanged || AlwaysReported.Contains(diagnostic.Id) => CompileSeverity.Warning,
                _ => (CompileSeverity?)null,
            };
            if (severity is null)
            {
                continue;
            }
            string? file = null;
            int line = 0, column = 0;
            if (diagnostic.Location.IsInSource)
            {
                var span = diagnostic.Location.GetLineSpan();
                file = _session.Paths.Display(span.Path);
                line = span.StartLinePosition.Line + 1;
                column = span.StartLinePosition.Character + 1;
            }
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (seen.Add((diagnostic.Id, file, line, column, message)))
            {
                result.Add(new CompileDiagnostic(diagnostic.Id, severity.Value, message, file, line, column, inChanged));
            }
        }
        return [.. result
            .OrderBy(d => d.InChangedFile ? 0 : 1)
            .ThenBy(d => d.File ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)];
    }
}
