using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Sigil.Evaluation.Compilation;

/// <summary>
/// The fast path of candidate compilation: when a candidate changes nothing but the body of a static pin (the usual case),
/// only that method is compiled, into a small assembly of its own that references the baseline app (3–15 ms instead of
/// re-running the generators and re-emitting the whole project). The worker calls the method from there, with the
/// baseline app loaded beside it. Anything else (other members changed, an instance pin, a generic type, a method that
/// does not compile on its own) returns <c>null</c>, and the caller compiles the whole project with
/// <see cref="CandidateCompiler"/>, which also gives compile errors their real file and line.
/// </summary>
/// <remarks>
/// The method keeps its meaning: it sits in the pin's namespace and file-level using directives, with a <c>using static</c>
/// of each enclosing type, and is bound ignoring accessibility (the compiler's own option for debugger expressions) while
/// the assembly declares <c>IgnoresAccessChecksTo</c> the app, which the runtime honours, so private members resolve
/// and run exactly as from inside the type. A recursive call binds to the new method itself, as in a whole-project build.
/// </remarks>
public sealed class MethodOnlyCompiler
{
    private static readonly Func<CSharpCompilationOptions, CSharpCompilationOptions>? IgnoreAccessibility = FindIgnoreAccessibility();

    private readonly ProjectSession _session;
    private readonly Lazy<(MetadataReference App, ImmutableArray<SyntaxTree> GlobalUsings)?> _baseline;
    private long _serial;

    /// <summary>A method-only compiler for <paramref name="session"/>'s pins.</summary>
    public MethodOnlyCompiler(ProjectSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        _baseline = new Lazy<(MetadataReference, ImmutableArray<SyntaxTree>)?>(EmitBaseline, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether this Roslyn lets the fast path bind private members (else it is never taken).</summary>
    public static bool Available => IgnoreAccessibility is not null;

    /// <summary>
    /// Compiles <paramref name="pin"/>'s method from <paramref name="sources"/> (as for <see cref="CandidateCompiler.Compile"/>)
    /// alone, or returns <c>null</c> when the candidate is not a change of that method only or the method does not compile
    /// on its own.
    /// </summary>
    public CompiledCandidate? TryCompile(IReadOnlyDictionary<string, string> sources, PinMethod pin, CancellationToken cancellationToken = default) =>
        TryCompile(sources, pin, out _, cancellationToken);

    /// <summary>As <see cref="TryCompile(IReadOnlyDictionary{string, string}, PinMethod, CancellationToken)"/>, saying why the fast path did not apply.</summary>
    public CompiledCandidate? TryCompile(IReadOnlyDictionary<string, string> sources, PinMethod pin, out string? whyNot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(pin);
        _session.ThrowIfDisposed();
        var (compiled, reason) = Attempt(sources, pin, null, cancellationToken);
        whyNot = reason;
        return compiled;
    }

    /// <summary>
    /// As <see cref="TryCompile(IReadOnlyDictionary{string, string}, PinMethod, out string?, CancellationToken)"/>, into an
    /// assembly named <paramref name="assemblyName"/>: the artifact <c>sigil promote</c> signs for the runtime resolver
    /// (a stable name per candidate, so the same candidate compiles to the same bytes and never clashes with another).
    /// </summary>
    public CompiledCandidate? CompileArtifact(IReadOnlyDictionary<string, string> sources, PinMethod pin, string assemblyName, out string? whyNot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyName);
        _session.ThrowIfDisposed();
        var (compiled, reason) = Attempt(sources, pin, assemblyName, cancellationToken);
        whyNot = reason;
        return compiled;
    }

    private (CompiledCandidate?, string?) Attempt(IReadOnlyDictionary<string, string> sources, PinMethod pin, string? assemblyName, CancellationToken cancellationToken)
    {
        if (!Available) return (null, "this Roslyn has no option to bind private members");
        if (!pin.IsStatic) return (null, "the pin is an instance method");
        var watch = Stopwatch.StartNew();
        var warm = _session.Warm;
        if (Locate(warm.Baseline, pin) is not { } old) return (null, "the pin is not found in the baseline (or is generic or overloaded ambiguously)");
        var path = old.SyntaxTree.FilePath;

        string? newText = null;
        foreach (var (key, text) in sources)
        {
            string resolved;
            try
            {
                resolved = _session.Paths.Resolve(key);
            }
            catch (ArgumentException)
            {
                return (null, $"'{key}' is not a source file of the project");
            }
            if (!warm.TextsByPath.TryGetValue(resolved, out var baselineText)) return (null, $"'{key}' is not a source file of the project");
            if (string.Equals(text, baselineText, StringComparison.Ordinal)) continue;
            if (resolved != path) return (null, $"another file changed ({key})");
            newText = text;
        }
        if (newText is null) return (null, "nothing changed");

        var newRoot = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(newText, warm.ParseOptions, path, cancellationToken: cancellationToken).GetRoot(cancellationToken);
        if (newRoot.ContainsDiagnostics) return (null, "the file does not parse");
        if (FindSame(newRoot, old) is not { } changed) return (null, "the pin method is not found in the new text");
        if (!OnlyMethodDiffers((CompilationUnitSyntax)old.SyntaxTree.GetRoot(cancellationToken), old, newRoot, changed)) return (null, "more than the pin's method changed");
        if (changed.Modifiers.Any(SyntaxKind.PartialKeyword) || changed.Modifiers.Any(SyntaxKind.ExternKeyword)) return (null, "the pin is partial or extern");
        // Preprocessor directives could reach beyond the method (an #if closed after it): only the whole file means what it says.
        if (changed.ContainsDirectives) return (null, "the method holds preprocessor directives");
        if (_baseline.Value is not { } baseline) return (null, "the baseline does not emit");

        return Emit(newRoot, changed, path, baseline, watch, cancellationToken, assemblyName);
    }

    /// <summary>
    /// The pin's own, unchanged method compiled the same way as a method-only candidate: the worker times candidates
    /// against it (both sides then are alike: a small assembly loaded fresh beside the app), not against the app's copy.
    /// Null when the fast path does not apply to this pin.
    /// </summary>
    public CompiledCandidate? CompileBaselineMethod(PinMethod pin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pin);
        _session.ThrowIfDisposed();
        if (!Available || !pin.IsStatic || Locate(_session.Warm.Baseline, pin) is not { } old || old.ContainsDirectives) return null;
        if (old.Modifiers.Any(SyntaxKind.PartialKeyword) || old.Modifiers.Any(SyntaxKind.ExternKeyword) || _baseline.Value is not { } baseline) return null;
        return Emit((CompilationUnitSyntax)old.SyntaxTree.GetRoot(cancellationToken), old, old.SyntaxTree.FilePath, baseline, Stopwatch.StartNew(), cancellationToken).Compiled;
    }

    private (CompiledCandidate? Compiled, string? WhyNot) Emit(
        CompilationUnitSyntax root, MethodDeclarationSyntax method, string path, (MetadataReference App, ImmutableArray<SyntaxTree> GlobalUsings) baseline,
        Stopwatch watch, CancellationToken cancellationToken, string? assemblyName = null)
    {
        var warm = _session.Warm;
        var appName = warm.Baseline.AssemblyName!;
        var (unit, holder) = MethodOnlyUnit.Build(root, method, appName);
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(unit, Encoding.UTF8, SourceHashAlgorithm.Sha256), warm.ParseOptions, path, cancellationToken);
        var name = assemblyName ?? $"{appName}.SigilCandidate{Interlocked.Increment(ref _serial)}";
        var options = IgnoreAccessibility!(warm.Baseline.Options
            .WithOutputKind(OutputKind.DynamicallyLinkedLibrary)
            .WithMetadataImportOptions(MetadataImportOptions.All)
            .WithSpecificDiagnosticOptions(warm.Baseline.Options.SpecificDiagnosticOptions.SetItem("CS8019", ReportDiagnostic.Suppress)));
        var compilation = CSharpCompilation.Create(name, [tree, .. baseline.GlobalUsings], [.. warm.Baseline.References, baseline.App], options);

        using var image = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = compilation.Emit(image, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: name + ".pdb"), cancellationToken: cancellationToken);
        if (!emitted.Success || emitted.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            var first = emitted.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            return (null, "the method does not compile on its own: " + first?.ToString());
        }
        var display = _session.Paths.Display(path);
        return (new CompiledCandidate(image.ToArray(), pdb.ToArray(), name, [], [display], watch.Elapsed) { EntryTypeName = holder }, null);
    }

    /// <summary>The pin's declaration in the baseline, found by its type's metadata name, method name and parameter count and types.</summary>
    private static MethodDeclarationSyntax? Locate(CSharpCompilation baseline, PinMethod pin)
    {
        if (baseline.GetTypeByMetadataName(pin.TypeMetadataName) is not { } type || type.IsGenericType || type.ContainingType?.IsGenericType == true) return null;
        var methods = type.GetMembers(pin.MethodName).OfType<IMethodSymbol>()
            .Where(m => m.IsStatic && !m.IsGenericMethod && m.Parameters.Length == pin.ParameterTypes.Count)
            .ToList();
        if (methods.Count > 1)
        {
            methods = [.. methods.Where(m => m.Parameters.Select((p, i) => ReflectionName(p.Type) == pin.ParameterTypes[i]).All(match => match))];
        }
        return methods.Count == 1 && methods[0].DeclaringSyntaxReferences is [var reference]
            ? reference.GetSyntax() as MethodDeclarationSyntax
            : null;
    }

    private static string ReflectionName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => ReflectionName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        _ => type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName,
    };

    /// <summary>The method in <paramref name="root"/> declared like <paramref name="old"/>: same enclosing types, name and parameter types.</summary>
    private static MethodDeclarationSyntax? FindSame(CompilationUnitSyntax root, MethodDeclarationSyntax old)
    {
        var key = Key(old);
        var found = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => Key(m) == key).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    private static string Key(MethodDeclarationSyntax method) =>
        string.Join(".", method.Ancestors().Reverse().Select(a => a switch
        {
            BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
            TypeDeclarationSyntax type => type.Identifier.ValueText + "`" + (type.TypeParameterList?.Parameters.Count ?? 0),
            _ => null,
        }).Where(part => part is not null))
        + "::" + method.Identifier.ValueText + "(" + string.Join(",", method.ParameterList.Parameters.Select(p => p.Type?.ToString().Replace(" ", "", StringComparison.Ordinal))) + ")";

    /// <summary>True when the two files are the same, token for token, once the pin method is taken out of each.</summary>
    private static bool OnlyMethodDiffers(CompilationUnitSyntax oldRoot, MethodDeclarationSyntax oldMethod, CompilationUnitSyntax newRoot, MethodDeclarationSyntax newMethod)
    {
        var before = oldRoot.RemoveNode(oldMethod, SyntaxRemoveOptions.KeepNoTrivia);
        var after = newRoot.RemoveNode(newMethod, SyntaxRemoveOptions.KeepNoTrivia);
        return before is not null && after is not null && SyntaxFactory.AreEquivalent(before, after, topLevel: false)
            && SyntaxFactory.AreEquivalent(oldMethod.AttributeLists, newMethod.AttributeLists, ignoreChildNode: null);
    }

    /// <summary>The baseline as a metadata reference (emitted once) and the project's global using directives.</summary>
    private (MetadataReference, ImmutableArray<SyntaxTree>)? EmitBaseline()
    {
        var baseline = _session.Warm.Baseline;
        using var image = new MemoryStream();
        if (!baseline.Emit(image).Success) return null;
        var globals = baseline.SyntaxTrees
            .Select(t => (Tree: t, Root: (CompilationUnitSyntax)t.GetRoot()))
            .Where(t => t.Root.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)))
            .Select(t => CSharpSyntaxTree.ParseText(
                SourceText.From(string.Join("\n", t.Root.Usings.Where(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))), Encoding.UTF8),
                _session.Warm.ParseOptions, t.Tree.FilePath + ".globals.cs"))
            .ToImmutableArray();
        return (MetadataReference.CreateFromImage(image.ToArray()), globals);
    }

    /// <summary>Roslyn's internal <c>WithTopLevelBinderFlags(IgnoreAccessibility)</c>, if this version has it.</summary>
    private static Func<CSharpCompilationOptions, CSharpCompilationOptions>? FindIgnoreAccessibility()
    {
        try
        {
            var flags = typeof(CSharpCompilationOptions).Assembly.GetType("Microsoft.CodeAnalysis.CSharp.BinderFlags");
            var with = typeof(CSharpCompilationOptions).GetMethod("WithTopLevelBinderFlags", BindingFlags.NonPublic | BindingFlags.Instance);
            if (flags is null || with is null || !Enum.TryParse(flags, "IgnoreAccessibility", out var value)) return null;
            return options => (CSharpCompilationOptions)with.Invoke(options, [value])!;
        }
        catch (Exception e) when (e is AmbiguousMatchException or TargetInvocationException)
        {
            return null;
        }
    }
}
