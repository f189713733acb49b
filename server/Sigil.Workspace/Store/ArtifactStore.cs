using System.Runtime.InteropServices;
using LiteDB;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// Artifacts: blob bytes in the <c>blobs</c> file storage, stored once per BLAKE3 digest, and <c>attachments</c>
/// naming a blob per (candidate, name). Insert-only: a stored blob or attachment is never rewritten, and different
/// bytes under an attachment's name are refused.
/// </summary>
internal sealed class ArtifactStore(WorkspaceCollections collections, CandidateReader candidates)
{
    /// <summary>Checks an upload's name and size and computes its digest and attachment key (no database access).</summary>
    public static PreparedArtifact Prepare(ArtifactUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload.CandidateId, nameof(upload.CandidateId));
        if (RecordRules.CheckArtifactName(upload.Name) is { } problem)
        {
            throw new WorkspaceIntegrityException($"Artifact for candidate {upload.CandidateId} was refused: {problem}");
        }
        if (upload.Content.Length > WorkspaceLimits.MaxArtifactBytes)
        {
            throw new WorkspaceIntegrityException(
                $"Artifact '{upload.Name}' for candidate {upload.CandidateId} is {upload.Content.Length} bytes, over the limit of {WorkspaceLimits.MaxArtifactBytes}.");
        }
        var digest = ArtifactRef.DigestPrefix + Blake3Digest.Hex(upload.Content.Span);
        var key = Blake3Digest.Hex(upload.CandidateId + "\n" + upload.Name);
        return new PreparedArtifact(key, new ArtifactRef(upload.CandidateId, upload.Name, digest, upload.Content.Length), upload.Content);
    }

    /// <summary>Attaches a prepared artifact to its stored candidate, storing the blob unless its digest is stored.</summary>
    /// <exception cref="WorkspaceConflictException">The candidate has an artifact of that name with other bytes.</exception>
    public InsertResult<ArtifactRef> Put(PreparedArtifact upload)
    {
        var artifact = upload.Reference;
        candidates.Require(artifact.CandidateId, $"Artifact '{artifact.Name}'");
        if (collections.Attachments.FindById(upload.Key) is { } existing)
        {
            var stored = BsonCodec.ToArtifact(existing);
            return stored.Digest == artifact.Digest
                ? new(stored, AlreadyExisted: true)
                : throw new WorkspaceConflictException(
                    $"Candidate {artifact.CandidateId} already has an artifact named '{artifact.Name}' with different content ({stored.Digest}, not {artifact.Digest}). " +
                    "Artifacts are immutable: attach the new content under another name.");
        }
        var hex = BsonCodec.Hex(artifact.Digest);
        if (collections.Blobs.FindById(hex) is null)
        {
            using var stream = MemoryMarshal.TryGetArray(upload.Content, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(upload.Content.ToArray(), writable: false);
            collections.Blobs.Upload(hex, hex, stream);
        }
        collections.Attachments.Insert(BsonCodec.FromArtifact(upload.Key, artifact));
        return new(artifact, AlreadyExisted: false);
    }

    /// <summary>The bytes of the blob <paramref name="digest"/> (a well-formed <c>b3:&lt;hex&gt;</c>), verified against it, or <c>null</c>.</summary>
    /// <exception cref="WorkspaceDatabaseException">The stored bytes do not hash to the digest.</exception>
    public byte[]? Get(string digest)
    {
        var hex = BsonCodec.Hex(digest);
        if (collections.Blobs.FindById(hex) is null)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        collections.Blobs.Download(hex, buffer);
        var bytes = buffer.ToArray();
        var actual = Blake3Digest.Hex(bytes);
        var path = collections.DatabasePath;
        return actual == hex
            ? bytes
            : throw new WorkspaceDatabaseException(path,
                $"Artifact {digest} in workspace database '{path}' is corrupt: its stored bytes hash to b3:{actual}. " +
                "Restore the file from a backup or re-import the workspace from an archive.");
    }

    /// <summary>The artifacts attached to a candidate, ordered by name (ordinal).</summary>
    public List<ArtifactRef> List(CandidateId candidateId) => collections.Attachments.Find(Query.EQ("candidate", candidateId.Digest))
        .Select(BsonCodec.ToArtifact)
        .OrderBy(a => a.Name, StringComparer.Ordinal)
        .ToList();
}

/// <summary>An artifact ready to write: its attachment key, its reference and its bytes.</summary>
internal sealed record PreparedArtifact(string Key, ArtifactRef Reference, ReadOnlyMemory<byte> Content);
