using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Signing;
using Sigil.Runtime.Resolution;

namespace Sigil.Runtime.Tests.Resolution;

/// <summary>One line of <c>.sigil/resolver/resolver.log</c>.</summary>
internal sealed record LogLine(string Mode, string Event, string? Manifest, string Message);

/// <summary>
/// A throwaway project for the resolver: a real Ed25519 key trusted in its <c>sigil.keys.json</c>, a manifest path in
/// a <c>release/</c> subfolder (artifacts go to <c>sigil-artifacts/</c> beside it), helpers to write signed manifests
/// with real compiled artifacts, and resolvers created with explicit settings (disposed with the project).
/// </summary>
internal sealed class ResolverProject : IDisposable
{
    public const string Spec = "kernels";
    public const string RootName = "Kernels.Root(double)";
    public const string ScaleName = "Kernels.Scale(double)";

    public static readonly string RootId = FunctionIdOf(RootName);
    public static readonly string ScaleId = FunctionIdOf(ScaleName);

    private readonly List<ProjectResolver> _resolvers = [];

    public ResolverProject()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sigil-resolver-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Key = SigningKey.Generate("release", Now);
        Trust = new TrustStore(Directory);
        Trust.Trust(Key.PublicKey.Span, Key.Name);
    }

    public string Directory { get; }

    public string SigilDirectory => Path.Combine(Directory, ".sigil");

    public string ManifestPath => Path.Combine(Directory, "release", "sigil.manifest.json");

    public string LogPath => Path.Combine(SigilDirectory, "resolver", ResolverLog.FileName);

    public string AppliedPath => Path.Combine(SigilDirectory, "resolver", "applied.json");

    public string UsageDirectory => Path.Combine(SigilDirectory, "resolver", UsageWriter.FolderName);

    public string OverridesPath => Path.Combine(SigilDirectory, "resolver", "overrides.json");

    /// <summary>Now, at whole seconds (manifests carry whole seconds).</summary>
    public DateTimeOffset Now { get; }

    public SigningKey Key { get; }

    public TrustStore Trust { get; }

    /// <summary>How many times a resolver of this project said that serving changed.</summary>
    public int ServingChanges;

    public static string FunctionIdOf(string qualifiedName, string? abiSeed = null) =>
        FunctionId.Create("Tests", FunctionId.NoCommit, "Tests", qualifiedName, Blake3Digest.Hex("abi:" + (abiSeed ?? qualifiedName))).ToString();

    public static PinRoute RootRoute(string? functionId = null) => new(functionId ?? RootId, typeof(Func<double, double>));

    public static PinRoute ScaleRoute(string? functionId = null) => new(functionId ?? ScaleId, typeof(Func<double, double>));

    public static double Invoke(PinRoute route, double x) =>
        ((Func<double, double>)(route.Served ?? throw new AssertFailedException($"{route.FunctionId} is not served")))(x);

    /// <summary>Writes <paramref name="artifact"/> beside the manifest and returns a pin of <paramref name="functionId"/> bound to it.</summary>
    public ManifestPin Pin(string functionId, TestArtifact artifact, string? candidateSeed = null, double accuracy = 1.0, PinArtifact? pinArtifact = null)
    {
        WriteArtifact(artifact);
        return new ManifestPin(
            FunctionId.Parse(functionId),
            new CandidateId(Blake3Digest.Hex("candidate:" + (candidateSeed ?? artifact.Name))),
            new Dictionary<string, double> { ["accuracy"] = accuracy, ["speedup"] = 1.8 },
            new PinEvidence(500, new Dictionary<string, ConfidenceInterval> { ["accuracy"] = new(-0.0001, 0.0002) }),
            pinArtifact ?? artifact.PinArtifact);
    }

    public string ArtifactPath(TestArtifact artifact) => artifact.PinArtifact.PathBeside(ManifestPath);

    public void WriteArtifact(TestArtifact artifact)
    {
        var path = ArtifactPath(artifact);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, artifact.Image);
    }

    public ManifestDocument Draft(long sequence, params ManifestPin[] pins) => new()
    {
        Spec = Spec,
        CreatedAt = Now.AddHours(-1),
        Author = "release@example.com",
        Workspace = "default",
        Codebase = new ManifestCodebase("https://example.invalid/tests.git", FunctionId.NoCommit),
        EvaluatorSet = [new EvaluatorRef("accuracy", "1")],
        Policy = new ManifestPolicy(
            new Dictionary<string, MetricConstraint> { ["accuracy"] = new(">=", 0.999) },
            new NonInferiorityRule("accuracy", -0.0002)),
        Pins = pins,
        Sequence = sequence,
        ExpiresAt = Now.AddDays(30),
    };

    /// <summary>Signs <paramref name="draft"/> (with <see cref="Key"/> unless told) and writes it to <see cref="ManifestPath"/>, atomically.</summary>
    public SignedManifest WriteManifest(ManifestDocument draft, SigningKey? key = null)
    {
        var signed = ManifestSigner.Sign(draft, key ?? Key);
        WriteManifestText(signed.Json);
        return signed;
    }

    /// <summary>Replaces the manifest file atomically (a dev resolver may be polling it).</summary>
    public void WriteManifestText(string json) => WriteManifestBytes(System.Text.Encoding.UTF8.GetBytes(json));

    public void WriteManifestBytes(byte[] bytes)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(ManifestPath)!);
        var temporary = ManifestPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, ManifestPath, overwrite: true);
    }

    /// <summary>Edits the manifest file's JSON in place, keeping its id and signature as they were.</summary>
    public void EditManifest(Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(ManifestPath))!.AsObject();
        edit(node);
        WriteManifestText(node.ToJsonString());
    }

    public ProjectResolver Resolver(ResolverMode mode, string? manifestPath = null) =>
        Resolver(new ResolverSettings(mode, manifestPath ?? ManifestPath, null));

    public ProjectResolver Resolver(ResolverSettings settings)
    {
        var resolver = new ProjectResolver(Directory, SigilDirectory, settings, () => Interlocked.Increment(ref ServingChanges));
        _resolvers.Add(resolver);
        return resolver;
    }

    /// <summary>The lines of <c>resolver.log</c> on disk (empty when there is no log).</summary>
    public IReadOnlyList<LogLine> LogLines() => File.Exists(LogPath)
        ? File.ReadAllLines(LogPath).Where(l => l.Length > 0).Select(ParseLine).ToList()
        : [];

    public IReadOnlyList<LogLine> Events(string @event) => LogLines().Where(l => l.Event == @event).ToList();

    public static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                Assert.Fail($"{what}: not within {timeout}");
            }
            Thread.Sleep(25);
        }
    }

    public void Dispose()
    {
        foreach (var resolver in _resolvers)
        {
            resolver.Dispose();
        }
        Key.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind.
        }
    }

    private static LogLine ParseLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new LogLine(
            root.GetProperty("mode").GetString()!,
            root.GetProperty("event").GetString()!,
            root.GetProperty("manifest").GetString(),
            root.GetProperty("message").GetString()!);
    }
}
