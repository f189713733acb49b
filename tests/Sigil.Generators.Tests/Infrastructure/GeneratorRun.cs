using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sigil.Generators.Tests.Infrastructure;

/// <summary>The result of running the generator over an in-memory compilation.</summary>
internal sealed partial record GeneratorRun(
    CSharpCompilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    string? GeneratedSource)
{
    /// <summary>Warnings and errors of the compilation including the generated file.</summary>
    public IReadOnlyList<Diagnostic> CompileProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Generator diagnostics with the given id.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics(string id) => GeneratorDiagnostics.Where(d => d.Id == id).ToList();

    /// <summary>How many calls the generated file intercepts.</summary>
    public int InterceptedCalls => GeneratedSource is null ? 0 : InterceptsLocation().Matches(GeneratedSource).Count;

    /// <summary>The FunctionIDs of the [SigilPin] attributes of the output assembly, in order.</summary>
    public IReadOnlyList<string> FunctionIds => Output.Assembly.GetAttributes()
        .Where(a => a.AttributeClass?.ToDisplayString() == "Sigil.Runtime.SigilPinAttribute")
        .Select(a => (string)a.ConstructorArguments[0].Value!)
        .ToList();

    /// <summary>The [SigilPin] attribute arguments of the output assembly.</summary>
    public IReadOnlyList<ImmutableArray<TypedConstant>> PinAttributes => Output.Assembly.GetAttributes()
        .Where(a => a.AttributeClass?.ToDisplayString() == "Sigil.Runtime.SigilPinAttribute")
        .Select(a => a.ConstructorArguments)
        .ToList();

    /// <summary>Throws with every problem listed when the output does not compile cleanly.</summary>
    /// <param name="allowedIds">
    /// Generator diagnostics the test expects (the driver does not apply #pragma to generator diagnostics; the
    /// compiler does in a real build).
    /// </param>
    public GeneratorRun AssertCompilesCleanly(params string[] allowedIds)
    {
        var problems = GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !allowedIds.Contains(d.Id)).Concat(CompileProblems).ToList();
        if (problems.Count > 0)
        {
            Assert.Fail("Expected no warnings or errors, got:\n" + string.Join("\n", problems) + "\n--- generated ---\n" + GeneratedSource);
        }
        return this;
    }

    /// <summary>Emits the output compilation (after <see cref="AssertCompilesCleanly"/>).</summary>
    public byte[] Emit()
    {
        using var stream = new MemoryStream();
        var result = Output.Emit(stream);
        if (!result.Success)
        {
            Assert.Fail("Emit failed:\n" + string.Join("\n", result.Diagnostics) + "\n--- generated ---\n" + GeneratedSource);
        }
        return stream.ToArray();
    }

    [GeneratedRegex(@"\[global::System\.Runtime\.CompilerServices\.InterceptsLocationAttribute?\(")]
    private static partial Regex InterceptsLocation();
}
