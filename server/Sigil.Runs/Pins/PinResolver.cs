using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Evaluation.Compilation;
using Sigil.Projects.Pins;

namespace Sigil.Runs.Pins;

/// <summary>
/// Finds the pins of a spec in an open project: the pin catalog of the compiled baseline (so FunctionIDs match the
/// current sources) joined with the Roslyn symbols of the declarations (signature, eval function, source text).
/// </summary>
public static class PinResolver
{
    /// <summary>The pins of <paramref name="spec"/> in declaration order.</summary>
    /// <param name="session">The open project.</param>
    /// <param name="baseline">The baseline compiled in memory by <see cref="CandidateCompiler.CompileBaseline"/>.</param>
    /// <param name="spec">The spec's name.</param>
    /// <exception cref="RunException">No pin belongs to the spec, or a pin cannot be resolved.</exception>
    public static IReadOnlyList<PinInfo> Resolve(ProjectSession session, CompiledCandidate baseline, string spec)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var catalog = PinCatalogReader.Read(baseline.Image, session.AssemblyName);
        var entries = catalog.Where(p => p.Spec == spec).ToList();
        if (entries.Count == 0)
        {
            var specs = catalog.Select(p => p.Spec).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            throw new RunException(specs.Count == 0
                ? $"The project {session.AssemblyName} has no pins: mark a method with [Improve(\"{spec}\", Eval = ...)]."
                : $"No pin belongs to spec '{spec}'; the project's specs are: {string.Join(", ", specs)}.");
        }
        return entries.Select(entry => Resolve(session, entry)).ToList();
    }

    private static PinInfo Resolve(ProjectSession session, PinEntry entry)
    {
        var path = Path.GetFullPath(Path.Combine(session.ProjectDirectory, entry.SourceFile));
        var tree = session.Baseline.SyntaxTrees.FirstOrDefault(t => PathsEqual(t.FilePath, path))
            ?? throw new RunException($"The pin {entry.FunctionId} is declared in {entry.SourceFile}, which the project does not compile.");
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(m => m.Identifier.GetLocation().GetLineSpan().StartLinePosition.Line + 1 == entry.SourceLine)
            ?? throw new RunException($"No method is declared at {entry.SourceFile}:{entry.SourceLine} for the pin {entry.FunctionId}; rebuild the project.");
        var model = session.Baseline.GetSemanticModel(tree);
        var symbol = model.GetDeclaredSymbol(method) as IMethodSymbol ?? throw new RunException($"The pin at {entry.SourceFile}:{entry.SourceLine} has no symbol.");
        var key = session.Sources.Keys.FirstOrDefault(k => PathsEqual(Path.GetFullPath(Path.Combine(session.SourceRoot, k)), path))
            ?? throw new RunException($"{entry.SourceFile} is not under the source root {session.SourceRoot}.");
        var type = (TypeDeclarationSyntax)method.Parent!;
        return new PinInfo(
            FunctionId.Parse(entry.FunctionId),
            entry.Spec,
            entry.Workspace,
            key,
            ReflectionNames.TypeName(symbol.ContainingType),
            symbol.Name,
            symbol.Parameters.Select(p => p.Name).ToList(),
            symbol.Parameters.Select(p => ReflectionNames.Of(p.Type)).ToList(),
            symbol.IsStatic,
            symbol.ReturnsVoid,
            FindEval(symbol),
            method.ToFullString().Trim('\r', '\n'),
            type.ToFullString().Trim('\r', '\n'));
    }

    private static EvalFunctionInfo? FindEval(IMethodSymbol pin)
    {
        var attribute = pin.GetAttributes().FirstOrDefault(a => a.AttributeClass is { Name: "ImproveAttribute" });
        if (attribute is null)
        {
            return null;
        }
        string? name = null;
        INamedTypeSymbol? evalType = null;
        foreach (var (key, value) in attribute.NamedArguments)
        {
            if (key == "Eval")
            {
                name = value.Value as string;
            }
            else if (key == "EvalType")
            {
                evalType = value.Value as INamedTypeSymbol;
            }
        }
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        var owner = evalType ?? pin.ContainingType;
        var arity = pin.Parameters.Length + (pin.ReturnsVoid ? 0 : 1);
        var eval = owner.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => m.IsStatic && m.Parameters.Length == arity)
            ?? throw new RunException(
                $"The eval function {owner.ToDisplayString()}.{name} of {pin.ToDisplayString()} must be static and take the pin's {pin.Parameters.Length} parameter(s)"
                + (pin.ReturnsVoid ? "" : " and its result") + $" ({arity} in all).");
        var returnsBool = eval.ReturnType.SpecialType == SpecialType.System_Boolean;
        if (!returnsBool && eval.ReturnType.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Int32 or SpecialType.System_Int64))
        {
            throw new RunException($"The eval function {owner.ToDisplayString()}.{name} returns {eval.ReturnType.ToDisplayString()}; it must return double (a score, higher is better) or bool (a verdict).");
        }
        var source = string.Concat(eval.DeclaringSyntaxReferences.Select(r => r.GetSyntax().ToFullString()));
        return new EvalFunctionInfo(ReflectionNames.TypeName(owner), name, $"{owner.ToDisplayString()}.{name}", returnsBool, Blake3Digest.Hex(source));
    }

    private static bool PathsEqual(string? a, string b) =>
        a is not null && string.Equals(Path.GetFullPath(a), b, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
