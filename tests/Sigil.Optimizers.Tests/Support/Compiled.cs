using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sigil.Optimizers.Tests.Support;

/// <summary>
/// A source file compiled in memory with Roslyn against the running framework (with implicit usings and a stand-in
/// for Sigil's <c>[Improve]</c>), loaded into a collectible context, so a rewritten method can be run against the original.
/// </summary>
internal sealed class Compiled : IDisposable
{
    private const string Prelude = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        namespace Sigil
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class ImproveAttribute(string spec) : System.Attribute
            {
                public string Spec { get; } = spec;
                public string? Eval { get; set; }
                public string? Workspace { get; set; }
            }
        }
        """;

    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray());

    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;

    private Compiled(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        _assembly = assembly;
    }

    /// <summary>Compiles <paramref name="source"/>; fails the test with the diagnostics when it does not compile.</summary>
    public static Compiled From(string source)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create("Candidate" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(Prelude, options), CSharpSyntaxTree.ParseText(source, options)],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            Assert.Fail("The source does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + source);
        }
        stream.Position = 0;
        var context = new AssemblyLoadContext(null, isCollectible: true);
        return new Compiled(context, context.LoadFromStream(stream));
    }

    /// <summary>Calls the static method <paramref name="type"/>.<paramref name="method"/>; returns its result or the exception it threw.</summary>
    public object? Call(string type, string method, params object?[] arguments)
    {
        var target = _assembly.GetTypes().Single(t => t.Name == type).GetMethod(method, BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)!;
        try
        {
            return target.Invoke(null, arguments);
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException;
        }
    }

    public void Dispose() => _context.Unload();
}
