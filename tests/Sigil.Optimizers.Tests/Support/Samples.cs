using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Applying;
using Sigil.Optimizers.Generators;

namespace Sigil.Optimizers.Tests.Support;

/// <summary>Real sources for requests: the repository's samples/QuickStart/Kernels.cs, and small classes written per test.</summary>
internal static class Samples
{
    public const string QuickStartPath = "samples/QuickStart/Kernels.cs";

    private static readonly Lazy<string> s_kernels = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), QuickStartPath)));

    /// <summary>The text of samples/QuickStart/Kernels.cs as it is in the repository.</summary>
    public static string QuickStartKernels => s_kernels.Value;

    public static IReadOnlyDictionary<string, string> Sources(string path, string text) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [path] = text };

    /// <summary>A request for the method <paramref name="name"/> of <paramref name="fileText"/> (the only method so named).</summary>
    public static GenerationRequest Request(string fileText, string name, string path = "Sample.cs", string? op = null, long seed = 0)
    {
        var method = Method(fileText, name);
        var type = (TypeDeclarationSyntax)method.Parent!;
        return new GenerationRequest
        {
            FunctionId = $"sigil://Sample@{new string('0', 40)}/Sample:{type.Identifier.ValueText}.{name}#{new string('a', 64)}",
            FilePath = path,
            MethodSource = fileText[(method.AttributeLists.FirstOrDefault()?.SpanStart ?? method.SpanStart)..method.Span.End],
            ContextSource = type.ToFullString(),
            Operator = op,
            Seed = seed,
        };
    }

    /// <summary>The pin target of the method <paramref name="name"/> (qualname without parameter list: any overload).</summary>
    public static PinTarget Pin(string fileText, string name, string path = "Sample.cs")
    {
        var method = Method(fileText, name);
        return new PinTarget(path, ((TypeDeclarationSyntax)method.Parent!).Identifier.ValueText + "." + name);
    }

    /// <summary>A file holding <paramref name="members"/> in <c>public static class Sample</c>.</summary>
    public static string Class(string members) =>
        "using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\nnamespace Samples;\n\npublic static class Sample\n{\n"
        + string.Join("\n", members.Replace("\r\n", "\n").Split('\n').Select(l => l.Length == 0 ? l : "    " + l)) + "\n}\n";

    private static MethodDeclarationSyntax Method(string fileText, string name) =>
        CSharpSyntaxTree.ParseText(fileText).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == name);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sigil.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (with Sigil.sln) is not above " + AppContext.BaseDirectory);
    }
}
