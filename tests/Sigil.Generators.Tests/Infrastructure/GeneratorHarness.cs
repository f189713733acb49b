extern alias generators;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sigil.Generators.Tests.Infrastructure;

/// <summary>Runs the Sigil generator with CSharpGeneratorDriver over in-memory compilations.</summary>
internal static class GeneratorHarness
{
    public const string ProjectDirectory = "/src/app";
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";
    public const string AssemblyName = "TestApp";

    /// <summary>The spec most fixtures use.</summary>
    public const string SpecDeclaration = "[assembly: Sigil.Spec(\"quickstart\", Description = \"Quick start\", StoreRawInputs = true)]\n";

    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "Sigil.Generated")]);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>Build properties as the Sigil.Runtime build files pass them.</summary>
    public static Dictionary<string, string> DefaultProperties(string projectDirectory = ProjectDirectory) => new()
    {
        ["build_property.SigilGitCommit"] = Commit,
        ["build_property.SigilProjectDirectory"] = projectDirectory,
        ["build_property.TargetFramework"] = "net10.0",
        ["build_property.TargetFrameworkMoniker"] = ".NETCoreApp,Version=v10.0",
    };

    public static CSharpCompilation Compile(IEnumerable<(string Path, string Source)> files, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        CSharpCompilation.Create(
            AssemblyName,
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, f.Path)),
            s_references.Value,
            new CSharpCompilationOptions(
                kind,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // As the SDK does: assembly unification notes between the test host's references.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    public static GeneratorRun Run(string source, IReadOnlyDictionary<string, string>? properties = null, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        Run([(ProjectDirectory + "/Program.cs", source)], properties, kind);

    /// <summary>Runs over Program.cs plus Specs.cs declaring the "quickstart" spec.</summary>
    public static GeneratorRun RunWithSpec(string source, IReadOnlyDictionary<string, string>? properties = null, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        Run([(ProjectDirectory + "/Program.cs", source), (ProjectDirectory + "/Specs.cs", SpecDeclaration)], properties, kind);

    public static GeneratorRun Run(
        IEnumerable<(string Path, string Source)> files,
        IReadOnlyDictionary<string, string>? properties = null,
        OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        Run(Compile(files, kind), properties);

    public static GeneratorRun Run(CSharpCompilation compilation, IReadOnlyDictionary<string, string>? properties = null)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new generators::Sigil.Generators.SigilGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            optionsProvider: new TestAnalyzerConfigOptionsProvider(properties ?? DefaultProperties()));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult();
        var generated = result.GeneratedTrees.SingleOrDefault()?.GetText().ToString();
        return new GeneratorRun(compilation, output, result.Diagnostics, generated);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(Sigil.ImproveAttribute).Assembly.Location);
        return [.. paths
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))];
    }
}
