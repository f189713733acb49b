using System.Text.RegularExpressions;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Signing;
using Sigil.Manifests.Verification;
using Sigil.Trust.Applied;
using Sigil.Trust.Artifacts;
using Sigil.Trust.Candidates;
using Sigil.Trust.Errors;
using Sigil.Trust.Evidence;
using Sigil.Trust.Policy;
using Sigil.Trust.Projects;

namespace Sigil.Trust.Promotion;

/// <summary>
/// <c>sigil promote</c>: writes a signed manifest binding the spec's pins to approved candidates. Evidence comes from
/// stored evaluations only (<see cref="EvidenceSelector"/>), every pin is checked against the policy and a refusal names
/// the exact unmet clause; the key must be trusted by the project; the sequence continues from the manifests recorded in
/// <c>.sigil/manifests/</c>, where a copy of the new one is kept. The manifest is verified as the resolver will before
/// anything is written; on any refusal nothing is written. Time comes from the injected <see cref="TimeProvider"/>.
/// With an <see cref="IArtifactCompiler"/>, each approved candidate is also compiled ahead of time and its artifact
/// signed into the pin and written to <c>sigil-artifacts/</c> beside the manifest (and beside its record copy), so the prod
/// resolver can serve it without a compiler.
/// </summary>
public sealed partial class PromoteService(TimeProvider? time = null, IArtifactCompiler? artifacts = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly IArtifactCompiler? _artifacts = artifacts;

    /// <summary>Promotes what <paramref name="request"/> names.</summary>
    /// <exception cref="TrustException">Refused (see <see cref="TrustErrorCodes"/>); nothing was written.</exception>
    /// <exception cref="KeyStoreException">The signing key cannot be loaded.</exception>
    /// <exception cref="TrustStoreException">The project's <c>sigil.keys.json</c> is damaged.</exception>
    public async Task<PromoteResult> PromoteAsync(PromoteRequest request, CancellationToken ct = default)
    {
        Validate(request);
        var layout = new ProjectLayout(request.Project);
        var output = Path.GetFullPath(request.OutputPath ?? layout.DefaultManifestPath, layout.ProjectDirectory);
        CheckOutput(output, request.Force);
        var trust = new TrustStore(layout.ProjectDirectory, _time);
        using var key = PromotionKey.Load(request, trust, _time);
        var warnings = new List<string>();
        IReadOnlyList<ChosenCandidate> chosen;
        using (var store = layout.OpenWorkspace())
        {
            chosen = CandidateChooser.Choose(store, request.Spec, request.Workspace, request.Candidates, request.Objective, warnings);
        }
        var policy = PromotionPolicy.Build(request.Objective, request.Constraints, request.NonInferiority, chosen.Select(c => c.Evidence.Evidence).ToList());
        foreach (var pin in chosen)
        {
            if (PolicyCheck.FirstUnmet(policy, pin.Evidence.Metrics, pin.Evidence.Evidence) is { } unmet)
            {
                throw new TrustException(TrustErrorCodes.PolicyNotMet,
                    $"{pin.Candidate.FunctionId.QualifiedName}: {unmet}; run 'sigil compare {request.Spec} {request.Workspace} {pin.Candidate.Id.Digest[..12]}' for fresh evidence or lower the requirement.");
            }
        }
        var images = await CompileArtifactsAsync(layout, request.Spec, chosen, warnings, ct).ConfigureAwait(false);
        var codebase = await Codebase.ReadAsync(layout.ProjectDirectory, request.Git, warnings, ct).ConfigureAwait(false);
        var author = await Codebase.AuthorAsync(request.Author, layout.ProjectDirectory, request.Git, ct).ConfigureAwait(false);
        var records = new ManifestRecords(layout.ManifestsDirectory);
        var applied = AppliedRecord.Find(layout, request.Spec);
        var created = WholeSeconds(_time.GetUtcNow());
        var draft = new ManifestDocument
        {
            Spec = request.Spec,
            CreatedAt = created,
            Author = author,
            Workspace = request.Workspace,
            Codebase = codebase,
            EvaluatorSet = chosen.Select(c => new EvaluatorRef(c.Evidence.Evaluation.Evaluator, c.Evidence.Evaluation.EvaluatorVersion))
                .Distinct().OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Version, StringComparer.Ordinal).ToList(),
            Policy = policy,
            Pins = chosen.Select(c => new ManifestPin(c.Candidate.FunctionId, c.Candidate.Id, c.Evidence.Metrics, c.Evidence.Evidence,
                images.GetValueOrDefault(c.Candidate.Id.ToString()).Artifact)).ToList(),
            Sequence = Math.Max(records.HighestSequence(request.Spec), applied?.Sequence ?? 0) + 1,
            ExpiresAt = WholeSeconds(created + request.Expiry),
        };
        var signed = Sign(draft, key);
        SelfVerify(signed, trust, applied);
        WarnAboutBuild(layout, signed.Document, warnings);
        foreach (var (artifact, image) in images.Values)
        {
            ArtifactFolder.Write(output, artifact, image);
            ArtifactFolder.Write(records.PathOf(signed.Document.Spec, signed.Document.Sequence), artifact, image);
        }
        var recordPath = Write(records, signed, output, request.Force);
        var pins = chosen.Select(c => new PromotedPin(c.Candidate.FunctionId, c.Candidate.Id, c.Evidence.Evaluation.Evaluator, c.Evidence.Evaluation.Id,
            c.Evidence.Evaluation.CreatedAt, c.Evidence.Metrics, c.Evidence.Evidence, EvidenceText.Describe(c.Evidence.Metrics, c.Evidence.Evidence),
            images.GetValueOrDefault(c.Candidate.Id.ToString()).Artifact)).ToList();
        return new PromoteResult(signed.Document.ManifestId!, output, recordPath, signed.Document, pins, warnings);
    }

    private async Task<Dictionary<string, (PinArtifact Artifact, byte[] Image)>> CompileArtifactsAsync(
        ProjectLayout layout, string spec, IReadOnlyList<ChosenCandidate> chosen, List<string> warnings, CancellationToken ct)
    {
        var result = new Dictionary<string, (PinArtifact, byte[])>(StringComparer.Ordinal);
        if (_artifacts is null)
        {
            warnings.Add("No artifacts were compiled, so the prod resolver will serve baselines for this manifest; it can still be published ('sigil publish').");
            return result;
        }
        var images = await _artifacts.CompileAsync(layout.ProjectDirectory, spec, chosen.Select(c => c.Candidate.Id).ToList(), ct).ConfigureAwait(false);
        foreach (var image in images)
        {
            if (image.Image is { } bytes && image.EntryType is { } entry)
            {
                result[image.Candidate.ToString()] = (ArtifactFolder.Describe(bytes, entry), bytes);
            }
            else
            {
                var pin = chosen.First(c => c.Candidate.Id == image.Candidate).Candidate.FunctionId.QualifiedName;
                warnings.Add($"{pin}: no artifact ({image.WhyNot}); the prod resolver serves every baseline for this manifest, but it can be published ('sigil publish').");
            }
        }
        return result;
    }

    private static void Validate(PromoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Project);
        foreach (var (value, what) in new[] { (request.Spec, "spec"), (request.Workspace, "workspace") })
        {
            if (value is null || !NamePattern().IsMatch(value))
            {
                throw new TrustException(TrustErrorCodes.InvalidRequest,
                    $"'{value}' is not a valid {what} name; names are 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
            }
        }
        if (!KeyName.IsValid(request.KeyName))
        {
            throw new TrustException(TrustErrorCodes.InvalidRequest,
                $"'{request.KeyName}' is not a key name; list your keys with 'sigil keys list' or create one with 'sigil keys new NAME'.");
        }
        if (request.Expiry < TimeSpan.FromMinutes(1) || request.Expiry > TimeSpan.FromDays(3660))
        {
            throw new TrustException(TrustErrorCodes.InvalidRequest, $"The expiry {request.Expiry} is out of range; give between one minute and ten years (default 90 days).");
        }
    }

    private static void CheckOutput(string output, bool force)
    {
        if (Directory.Exists(output) || (File.Exists(output) && !force))
        {
            throw new TrustException(TrustErrorCodes.OutputExists,
                $"{output} exists already; choose another output path, or replace it with --force (its copy in .sigil/manifests stays).");
        }
        if (!Directory.Exists(Path.GetDirectoryName(output)))
        {
            throw new TrustException(TrustErrorCodes.InvalidRequest, $"The folder of {output} does not exist; create it or choose another output path.");
        }
    }

    private static SignedManifest Sign(ManifestDocument draft, SigningKey key)
    {
        try
        {
            return ManifestSigner.Sign(draft, key);
        }
        catch (ManifestFormatException e)
        {
            throw new TrustException(TrustErrorCodes.InvalidRequest, $"The manifest cannot be made: {e.Message}", e);
        }
    }

    private void SelfVerify(SignedManifest signed, TrustStore trust, AppliedManifest? applied)
    {
        var options = new VerificationOptions { CurrentAbiHash = id => id.AbiHash, LastApplied = applied };
        var result = new ManifestVerifier(trust, _time).Verify(signed.Json, options);
        if (!result.Valid)
        {
            throw new TrustException(result.Code!, $"The signed manifest would not verify, so it was not written: {result.Message}");
        }
    }

    private static void WarnAboutBuild(ProjectLayout layout, ManifestDocument document, List<string> warnings)
    {
        BuildAbi build;
        try
        {
            build = BuildAbi.Read(layout.FindBuild(null).AssemblyPath);
        }
        catch (Exception e) when (e is TrustException or Sigil.Projects.SigilProjectException or IOException)
        {
            return; // no build to compare with: 'sigil verify' will say so
        }
        foreach (var pin in document.Pins.Where(p => build.Find(p.FunctionId) != p.FunctionId.AbiHash))
        {
            warnings.Add($"{pin.FunctionId.QualifiedName}: the current build ({build.AssemblyPath}) has another abi-hash or no such pin, so the resolver will refuse this manifest until the code matches; rebuild, or run and promote again.");
        }
    }

    private static string Write(ManifestRecords records, SignedManifest signed, string output, bool force)
    {
        var document = signed.Document;
        var recordPath = records.WriteNew(document.Spec, document.Sequence, signed.Json);
        var temporary = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, signed.Json);
            File.Move(temporary, output, overwrite: force);
            return recordPath;
        }
        catch (Exception e)
        {
            File.Delete(recordPath);
            if (e is IOException && File.Exists(output) && !force)
            {
                throw new TrustException(TrustErrorCodes.OutputExists, $"{output} appeared while promoting; nothing was written. Choose another output path, or use --force.", e);
            }
            throw;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    private static DateTimeOffset WholeSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
