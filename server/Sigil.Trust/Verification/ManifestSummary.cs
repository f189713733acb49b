using Sigil.Manifests.Model;
using Sigil.Trust.Evidence;

namespace Sigil.Trust.Verification;

/// <summary>What a manifest says, for display (shown for invalid manifests too when they parse: it is not a verdict).</summary>
/// <param name="ManifestId">Its id as written.</param>
/// <param name="Spec">The spec.</param>
/// <param name="Workspace">The workspace the candidates came from.</param>
/// <param name="Author">Who promoted it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="ExpiresAt">Until when it is valid.</param>
/// <param name="Sequence">Its sequence for the spec.</param>
/// <param name="KeyId">The signer's key id.</param>
/// <param name="Repo">The repository it was made in.</param>
/// <param name="Commit">The commit it was made at.</param>
/// <param name="Pins">Its pins.</param>
public sealed record ManifestSummary(
    string ManifestId,
    string Spec,
    string Workspace,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    long Sequence,
    string KeyId,
    string Repo,
    string Commit,
    IReadOnlyList<ManifestPinSummary> Pins)
{
    /// <summary>The summary of a parsed (signed) manifest.</summary>
    public static ManifestSummary From(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ManifestSummary(
            document.ManifestId ?? "", document.Spec, document.Workspace, document.Author, document.CreatedAt, document.ExpiresAt,
            document.Sequence, document.Signature?.KeyId ?? "", document.Codebase.Repo, document.Codebase.Commit,
            document.Pins.Select(p => new ManifestPinSummary(p.FunctionId.QualifiedName, p.FunctionId.ToString(), p.Candidate.ToString(),
                EvidenceText.Describe(p.Metrics, p.Evidence))).ToList());
    }
}
