using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Verification;
using Sigil.Projects;
using Sigil.Trust.Applied;
using Sigil.Trust.Errors;
using Sigil.Trust.Projects;

namespace Sigil.Trust.Verification;

/// <summary>
/// <c>sigil verify</c>: verifies a manifest exactly as the resolver will before applying it — <see cref="ManifestVerifier"/>
/// with the project's <see cref="TrustStore"/>, the current abi-hash of each pin from the built assembly's pin catalog
/// (matched by package, module and qualname; the commit is ignored) and the spec's last applied manifest from
/// <c>.sigil/resolver/applied.json</c>. Reads only; time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class VerifyService(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Verifies the manifest of <paramref name="request"/>.</summary>
    /// <exception cref="TrustException">The manifest file or the build output is missing, or <c>applied.json</c> is damaged.</exception>
    /// <exception cref="TrustStoreException">The project's <c>sigil.keys.json</c> is damaged.</exception>
    public VerifyResult Verify(VerifyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ManifestPath);
        var layout = new ProjectLayout(request.Project);
        var path = Path.GetFullPath(request.ManifestPath, layout.ProjectDirectory);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrustException(TrustErrorCodes.ManifestNotFound,
                $"Cannot read the manifest {path} ({e.Message}); give the path of a manifest made by 'sigil promote'.", e);
        }
        var build = layout.FindBuild(request.AssemblyPath);
        BuildAbi abi;
        try
        {
            abi = BuildAbi.Read(build.AssemblyPath);
        }
        catch (SigilProjectException e)
        {
            throw new TrustException(TrustErrorCodes.BuildOutputMissing, $"{e.Message} Build the project first (dotnet build).", e);
        }
        var parsed = TryParse(bytes);
        var lastApplied = parsed is null ? null : AppliedRecord.Find(layout, parsed.Spec);
        var options = new VerificationOptions { CurrentAbiHash = abi.Find, LastApplied = lastApplied, ManifestPath = request.RequireArtifacts ? path : null, RequireArtifacts = request.RequireArtifacts };
        var verdict = new ManifestVerifier(new TrustStore(layout.ProjectDirectory, _time), _time).Verify(bytes, options);
        var warnings = new List<string>();
        if (build.Stale)
        {
            warnings.Add($"A source file changed after {build.AssemblyPath} was built, so the ABI check may not see the current code; rebuild (dotnet build) and verify again.");
        }
        return new VerifyResult(verdict.Valid, verdict.Code, verdict.Message, verdict.Pin, parsed is null ? null : ManifestSummary.From(parsed),
            verdict.Document, build.AssemblyPath, lastApplied, warnings);
    }

    private static ManifestDocument? TryParse(byte[] bytes)
    {
        try
        {
            return ManifestDocument.Parse(bytes);
        }
        catch (Exception e) when (e is ManifestFormatException or FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
