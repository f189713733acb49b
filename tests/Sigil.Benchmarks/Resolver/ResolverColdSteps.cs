using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Manifests.Applied;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Signing;
using Sigil.Manifests.Verification;

namespace Sigil.Benchmarks.Resolver;

/// <summary>
/// Where a cold prod decision's time goes: run in a fresh process (<c>--resolver-cold-steps DIR</c>, started by
/// <c>--resolver-cold --steps K</c>), it performs the resolver's steps one by one, each for the first time in the
/// process (so each includes its JIT, type loads and native library loads), then the whole verification again, warm.
/// Prints one JSON object {step: ms}. The steps are the resolver's, called through the public Manifests API; the
/// resolver itself runs them inside ManifestVerifier.Verify, so the sum is close to, not exactly, the logged figure.
/// </summary>
internal static class ResolverColdSteps
{
    public delegate double RootImpl(double x);

    public delegate int TinyImpl(int x);

    public static int Run(string projectDirectory, TextWriter output)
    {
        var steps = new List<(string Name, double Ms)>();
        T Step<T>(string name, Func<T> action)
        {
            var started = Stopwatch.GetTimestamp();
            var result = action();
            steps.Add((name, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            return result;
        }
        var manifestPath = Path.Combine(projectDirectory, ServedProject.ManifestFile);
        // The project's own .sigil, where the measured runs recorded applied.json: a restart, as those runs were.
        var sigilDirectory = Path.Combine(projectDirectory, ".sigil");
        var total = Stopwatch.GetTimestamp();
        var bytes = Step("read the manifest", () => File.ReadAllBytes(manifestPath));
        var document = Step("parse it (ManifestDocument.Parse)", () => ManifestDocument.Parse(bytes));
        var last = Step("read applied.json (AppliedManifests.Find; recorded by an earlier start)", () => new AppliedManifests(sigilDirectory).Find(document.Spec));
        var trust = new TrustStore(projectDirectory);
        var publicKey = Convert.FromBase64String(JsonDocument.Parse(File.ReadAllBytes(trust.FilePath)).RootElement
            .GetProperty("keys")[0].GetProperty("public_key").GetString()!);
        var problem = Step("check the trusted key is a prime-order Ed25519 point (Ed25519Verifier.CheckPublicKey, managed)",
            () => Ed25519Verifier.CheckPublicKey(publicKey));
        var keys = Step("read sigil.keys.json (TrustStore.List: JSON, BLAKE3 key id; the key check above now remembered)", trust.List);
        var input = Step("canonical form: id and signing input (RFC 8785)", () =>
        {
            using var parsed = JsonDocument.Parse(bytes);
            _ = ManifestCanonicalForm.ComputeId(parsed.RootElement);
            return ManifestCanonicalForm.SigningInput(parsed.RootElement);
        });
        var valid = Step("Ed25519 signature check (NSec over libsodium: its first use loads it)", () =>
            Ed25519Verifier.Verify(keys[0].PublicKey.Span, input, document.Signature!.SignatureBytes()));
        var images = Step("read and BLAKE3-hash the artifacts (native Blake3)", () => document.Pins.Select(p =>
        {
            var image = File.ReadAllBytes(p.Artifact!.PathBeside(manifestPath));
            return PinArtifact.DigestPrefix + Blake3Digest.Hex(image) == p.Artifact.Digest ? image : throw new InvalidOperationException("digest");
        }).ToList());
        var abi = document.Pins.ToDictionary(p => p.FunctionId.QualifiedName, p => p.FunctionId.AbiHash);
        var options = new VerificationOptions
        {
            CurrentAbiHash = id => abi.GetValueOrDefault(id.QualifiedName), LastApplied = last, ManifestPath = manifestPath, RequireArtifacts = true,
        };
        var result = Step("ManifestVerifier.Verify, all checks (the parts above now warm)", () => new ManifestVerifier(trust).Verify(bytes, options));
        var bound = Step("load and bind both artifacts (new load context)", () => Bind(document, images));
        Step("record applied.json (AppliedManifests.Record: already this manifest, read again, nothing written)", () =>
        {
            new AppliedManifests(sigilDirectory).Record(document.Spec, new AppliedManifest(document.Sequence, document.ManifestId!));
            return 0;
        });
        var sum = Stopwatch.GetElapsedTime(total).TotalMilliseconds;
        Step("warm: ManifestVerifier.Verify again, in the same process", () => new ManifestVerifier(trust).Verify(bytes, options));
        if (problem is not null || last is null || !valid || !result.Valid || bound.Length != document.Pins.Count)
        {
            throw new InvalidOperationException($"the steps did not verify (or applied.json was not recorded yet): {result.Code} {result.Message}");
        }
        using var writer = new Utf8JsonWriter(Console.OpenStandardOutput());
        writer.WriteStartObject();
        foreach (var (name, ms) in steps)
        {
            writer.WriteNumber(name, Math.Round(ms, 3));
        }
        writer.WriteNumber("all of the cold steps", Math.Round(sum, 3));
        writer.WriteEndObject();
        writer.Flush();
        output.WriteLine();
        return 0;
    }

    private static Delegate[] Bind(ManifestDocument document, IReadOnlyList<byte[]> images)
    {
        var context = new AssemblyLoadContext("Sigil approved candidates", isCollectible: false);
        var delegates = new Delegate[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            var pin = document.Pins[i];
            var assembly = context.LoadFromStream(new MemoryStream(images[i], writable: false));
            var type = assembly.GetType(pin.Artifact!.EntryType, throwOnError: true)!;
            var name = pin.FunctionId.QualifiedName[..pin.FunctionId.QualifiedName.IndexOf('(')];
            var delegateType = name.EndsWith(".Root", StringComparison.Ordinal) ? typeof(RootImpl) : typeof(TinyImpl);
            var invoke = delegateType.GetMethod("Invoke")!;
            var method = type.GetMethod(name[(name.LastIndexOf('.') + 1)..], BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, null,
                [.. invoke.GetParameters().Select(p => p.ParameterType)], null)!;
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
            delegates[i] = method.CreateDelegate(delegateType);
        }
        return delegates;
    }

    /// <summary>Runs <paramref name="processes"/> fresh processes of the steps and prints each step's median and p95.</summary>
    public static void Measure(string projectDirectory, int processes, IReadOnlyDictionary<string, string> environment, TextWriter log)
    {
        var byStep = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < processes; i++)
        {
            var start = new ProcessStartInfo("dotnet", [typeof(ResolverColdSteps).Assembly.Location, "--resolver-cold-steps", projectDirectory])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
            start.Environment["SIGIL_TRACKER"] = "disabled";
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"--resolver-cold-steps exited with {process.ExitCode}: {text}{error}");
            }
            foreach (var property in JsonDocument.Parse(text).RootElement.EnumerateObject())
            {
                if (!byStep.TryGetValue(property.Name, out var values))
                {
                    byStep[property.Name] = values = [];
                    order.Add(property.Name);
                }
                values.Add(property.Value.GetDouble());
            }
        }
        log.WriteLine();
        log.WriteLine($"Where a cold decision's time goes ({processes} fresh processes, each step the first of its kind in the process):");
        log.WriteLine();
        log.WriteLine("| Step | Median | p95 |");
        log.WriteLine("|---|---:|---:|");
        foreach (var name in order)
        {
            var values = byStep[name];
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {ResolverColdStart.Quantile(values, 0.5):F2} ms | {ResolverColdStart.Quantile(values, 0.95):F2} ms |"));
        }
    }
}
