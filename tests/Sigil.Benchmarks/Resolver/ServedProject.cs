using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Signing;

namespace Sigil.Benchmarks.Resolver;

/// <summary>
/// A temporary project directory that the prod resolver accepts for tests/Fixtures/ServedApp: a fresh Ed25519 key
/// trusted in its <c>sigil.keys.json</c>, one signed manifest (<c>sigil.manifest.json</c>) pinning ServedApp's
/// Kernels.Root and Kernels.Tiny (their exact FunctionIDs, read from the built assembly) to candidates compiled here
/// with Roslyn from the pins' own method text (so a served call runs the same code as the direct call), and the
/// compiled artifacts in <c>sigil-artifacts/&lt;blake3&gt;.dll</c> beside it. Building one touches no ServedApp code, so
/// its module initializer (where the resolver decides) has not run yet.
/// </summary>
internal sealed class ServedProject : IDisposable
{
    public const string AssemblyName = "ServedApp";
    public const string Spec = "served";
    public const string ManifestFile = "sigil.manifest.json";

    /// <summary>The pins served, by method name.</summary>
    public static readonly string[] PinMethods = ["Root", "Tiny"];

    private ServedProject(string directory, IReadOnlyDictionary<string, string> functionIds)
    {
        Directory = directory;
        FunctionIds = functionIds;
    }

    /// <summary>The project directory (<c>SIGIL_PROJECT_DIR</c>).</summary>
    public string Directory { get; }

    /// <summary>The manifest's full path (<c>SIGIL_MANIFEST</c>).</summary>
    public string ManifestPath => Path.Combine(Directory, ManifestFile);

    /// <summary>The exact FunctionID of each served pin, by method name.</summary>
    public IReadOnlyDictionary<string, string> FunctionIds { get; }

    /// <summary>Makes the directory: key, trust store, artifacts, signed manifest.</summary>
    public static ServedProject Create(string? directory = null, Assembly? servedApp = null)
    {
        servedApp ??= Assembly.Load(new AssemblyName(AssemblyName));
        directory ??= Path.Combine(Path.GetTempPath(), "sigil-bench-resolver-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var functionIds = ReadFunctionIds(servedApp);
        var artifacts = System.IO.Directory.CreateDirectory(Path.Combine(directory, PinArtifact.FolderName)).FullName;
        var source = KernelsSource();
        var pins = new List<ManifestPin>();
        foreach (var method in PinMethods)
        {
            var (image, entryType) = CompileCandidate(source, method, servedApp);
            var hex = Blake3Digest.Hex(image);
            File.WriteAllBytes(Path.Combine(artifacts, hex + ".dll"), image);
            pins.Add(new ManifestPin(
                FunctionId.Parse(functionIds[method]),
                new CandidateId(Blake3Digest.Hex("bench-identical:" + method)),
                new Dictionary<string, double> { ["score"] = 0.0, ["speedup"] = 1.0 },
                new PinEvidence(100, new Dictionary<string, ConfidenceInterval> { ["score"] = new(0.0, 0.0) }),
                new PinArtifact(PinArtifact.DigestPrefix + hex, entryType, image.LongLength)));
        }
        var now = DateTimeOffset.UtcNow;
        using var key = SigningKey.Generate("bench", now);
        new TrustStore(directory).Trust(key.PublicKey.Span, key.Name);
        var commit = FunctionId.Parse(functionIds[PinMethods[0]]).Commit;
        var draft = new ManifestDocument
        {
            Spec = Spec,
            CreatedAt = now.AddMinutes(-1),
            Author = "bench@sigil.invalid",
            Workspace = "default",
            Codebase = new ManifestCodebase("https://example.invalid/sigil.git", commit),
            EvaluatorSet = [new EvaluatorRef("score", "1")],
            Policy = new ManifestPolicy(
                new Dictionary<string, MetricConstraint> { ["score"] = new(">=", 0.0), ["speedup"] = new(">=", 0.9) },
                new NonInferiorityRule("score", -0.001)),
            Pins = pins,
            Sequence = 1,
            ExpiresAt = now.AddDays(30),
        };
        File.WriteAllText(Path.Combine(directory, ManifestFile), ManifestSigner.Sign(draft, key).Json);
        return new ServedProject(Path.GetFullPath(directory), functionIds);
    }

    /// <summary>The environment a ServedApp process (or this one, before ServedApp's module initializer) needs for prod mode.</summary>
    public IReadOnlyDictionary<string, string> ProdEnvironment => new Dictionary<string, string>
    {
        ["SIGIL_PROJECT_DIR"] = Directory,
        ["SIGIL_MODE"] = "prod",
        ["SIGIL_MANIFEST"] = ManifestPath,
        ["SIGIL_TRACKER"] = "disabled",
    };

    /// <summary>The FunctionIDs the generator wrote on the assembly (<c>[assembly: SigilPin]</c>), read without running its code.</summary>
    public static IReadOnlyDictionary<string, string> ReadFunctionIds(Assembly servedApp)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in servedApp.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "Sigil.Runtime.SigilPinAttribute"))
        {
            var id = FunctionId.Parse((string)attribute.ConstructorArguments[0].Value!);
            var name = id.QualifiedName[..id.QualifiedName.IndexOf('(')];
            ids[name[(name.LastIndexOf('.') + 1)..]] = id.ToString();
        }
        foreach (var method in PinMethods)
        {
            if (!ids.ContainsKey(method))
            {
                throw new InvalidOperationException($"{servedApp.Location} has no pin {method}: was it built with the Sigil generator?");
            }
        }
        return ids;
    }

    /// <summary>tests/Fixtures/ServedApp/Kernels.cs, embedded in this assembly at build time.</summary>
    public static string KernelsSource()
    {
        using var stream = typeof(ServedProject).Assembly.GetManifestResourceStream("ServedApp.Kernels.cs")
            ?? throw new InvalidOperationException("the embedded ServedApp.Kernels.cs is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The candidate of pin <paramref name="method"/>: its method as written in Kernels.cs (attributes dropped), alone in
    /// a static class of its namespace, compiled in Release like <c>sigil promote</c>'s method-only artifacts. Checks first
    /// that the pin and its Direct twin have the same body, so a served call and a direct call run the same code.
    /// </summary>
    public static (byte[] Image, string EntryType) CompileCandidate(string source, string method, Assembly servedApp)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source, parse).GetRoot();
        var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().ToList();
        var pin = methods.Single(m => m.Identifier.ValueText == method);
        var twin = methods.Single(m => m.Identifier.ValueText == "Direct" + method);
        if (!SyntaxFactory.AreEquivalent((SyntaxNode?)pin.Body ?? pin.ExpressionBody, (SyntaxNode?)twin.Body ?? twin.ExpressionBody))
        {
            throw new InvalidOperationException($"Kernels.{method} and Kernels.Direct{method} no longer have the same body");
        }
        var ns = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Single().Name.ToString();
        const string holder = "SigilCandidateMethod";
        var text = string.Join("\n", root.Usings.Select(u => u.ToString())) + "\n"
            + $"namespace {ns} {{\nusing static global::{ns}.Kernels;\ninternal static class {holder}\n{{\n"
            + pin.WithAttributeLists(default).WithoutLeadingTrivia().WithoutTrailingTrivia().ToFullString()
            + "\n}\n}\n";
        var globalUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n";
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = System.IO.Directory.GetFiles(framework, "*.dll")
            .Where(IsManaged)
            .Append(servedApp.Location)
            .Append(typeof(ImproveAttribute).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var name = $"{AssemblyName}.SigilApproved_{method}";
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(text, parse, "Kernels.cs"), CSharpSyntaxTree.ParseText(globalUsings, parse, "GlobalUsings.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"the {method} candidate does not compile: " +
                string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        return (image.ToArray(), $"{ns}.{holder}");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind.
        }
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
