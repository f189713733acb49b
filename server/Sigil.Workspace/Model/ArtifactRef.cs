using Sigil.Core.Identity;

namespace Sigil.Workspace.Model;

/// <summary>
/// A blob attached to a candidate under a name (an evaluation log, a profile, generated source...). The bytes are
/// stored once, addressed by <see cref="Digest"/>; a candidate's names are unique and never re-pointed.
/// </summary>
/// <param name="CandidateId">The candidate the artifact is attached to.</param>
/// <param name="Name">The attachment's name, unique per candidate, for example <c>eval/accuracy.log</c>.</param>
/// <param name="Digest">The BLAKE3 of the bytes, <c>b3:&lt;hex&gt;</c>.</param>
/// <param name="Length">The size of the blob in bytes.</param>
public sealed record ArtifactRef(CandidateId CandidateId, string Name, string Digest, long Length)
{
    /// <summary>The prefix of artifact digests.</summary>
    public const string DigestPrefix = "b3:";
}
