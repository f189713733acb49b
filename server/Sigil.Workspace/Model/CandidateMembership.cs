using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Serialization;

namespace Sigil.Workspace.Model;

/// <summary>
/// A stored candidate as held by one more spec and workspace, as a workspace archive carries it
/// (<c>memberships/&lt;hex&gt;.json</c>, schema <c>sigil/membership@1</c>): the candidate's id and that scope's
/// provenance, creation time and summary, without the content.
/// </summary>
/// <remarks>
/// <see cref="Id"/> is <c>b3:&lt;hex&gt;</c>, the BLAKE3 of the canonical JSON of every other field (see
/// <see cref="ComputeId"/>), so a changed entry no longer matches its id or its entry name. Build instances with
/// <see cref="Of"/>, which computes the id.
/// </remarks>
internal sealed record CandidateMembership
{
    /// <summary>The prefix of membership ids.</summary>
    public const string IdPrefix = "b3:";

    private readonly DateTimeOffset _createdAt;

    public required string Id { get; init; }

    public required CandidateId CandidateId { get; init; }

    public required string Spec { get; init; }

    public required string Workspace { get; init; }

    public required Provenance Provenance { get; init; }

    public required DateTimeOffset CreatedAt
    {
        get => _createdAt;
        init => _createdAt = value.ToUniversalTime();
    }

    public required string Summary { get; init; }

    /// <summary>The membership <paramref name="member"/> stands for (its id, scope, provenance, time and summary).</summary>
    public static CandidateMembership Of(CandidateRecord member)
    {
        var membership = new CandidateMembership
        {
            Id = string.Empty,
            CandidateId = member.Id,
            Spec = member.Spec,
            Workspace = member.Workspace,
            Provenance = member.Provenance,
            CreatedAt = member.CreatedAt,
            Summary = member.Summary,
        };
        return membership with { Id = membership.ComputeId() };
    }

    /// <summary>The id recomputed from the content: <c>b3:</c> and the BLAKE3 of the canonical JSON of every field but the id.</summary>
    public string ComputeId() => IdPrefix + Blake3Digest.Hex(CanonicalJson.Serialize(RecordJson.MembershipBody(this)));

    /// <summary>The candidate <paramref name="content"/> (same id) as a member of this spec and workspace.</summary>
    public CandidateRecord ToRecord(CandidateRecord content) => content with
    {
        Spec = Spec,
        Workspace = Workspace,
        Provenance = Provenance,
        CreatedAt = CreatedAt,
        Summary = Summary,
    };
}
