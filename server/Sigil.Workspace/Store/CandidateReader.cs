using LiteDB;
using Sigil.Core.Identity;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// Reads candidates and their memberships: original records from <c>candidates</c>, further scopes from
/// <c>memberships</c>, in the order the queries of <see cref="IWorkspaceStore"/> promise.
/// </summary>
internal sealed class CandidateReader(WorkspaceCollections collections)
{
    /// <summary>The original record of <paramref name="id"/>, or <c>null</c>.</summary>
    public CandidateRecord? Get(CandidateId id) =>
        collections.Candidates.FindById(id.Digest) is { } document ? BsonCodec.ToCandidate(document) : null;

    /// <summary>One record per membership of <paramref name="spec"/> (in <paramref name="workspace"/>, or in all of them when <c>null</c>).</summary>
    public List<CandidateRecord> List(string spec, string? workspace)
    {
        var query = workspace is null ? Query.EQ("spec", spec) : Query.EQ("scope", BsonCodec.Scope(spec, workspace));
        var originals = collections.Candidates.Find(query).Select(BsonCodec.ToCandidate).ToList();
        var members = collections.Memberships.Find(query).ToList();
        return Ordered(originals.Concat(MembersOf(members, originals)));
    }

    /// <summary>Every scope holding <paramref name="candidateId"/>, the original record among them; empty when it is not stored.</summary>
    public List<CandidateRecord> ListMemberships(CandidateId candidateId)
    {
        if (collections.Candidates.FindById(candidateId.Digest) is not { } document)
        {
            return [];
        }
        var original = BsonCodec.ToCandidate(document);
        var members = collections.Memberships.Find(Query.EQ("candidate", candidateId.Digest)).ToList();
        return Ordered(MembersOf(members, [original]).Prepend(original));
    }

    /// <summary>The children of <paramref name="parent"/>, each as its original record.</summary>
    public List<CandidateRecord> Children(CandidateId parent) =>
        Ordered(collections.Candidates.Find(Query.EQ("parent_key", parent.Digest)).Select(BsonCodec.ToCandidate));

    /// <summary>The roots of the tree of <paramref name="baseline"/>, each as its original record.</summary>
    public List<CandidateRecord> Children(FunctionId baseline)
    {
        var functionText = baseline.ToString();
        return Ordered(collections.Candidates.Find(Query.EQ("parent_key", BsonCodec.BaselineKey(baseline)))
            .Where(d => d["function_id"].AsString == functionText)
            .Select(BsonCodec.ToCandidate));
    }

    /// <summary>Refuses a record that names a candidate which is not stored (the closed-tree invariant).</summary>
    /// <param name="candidateId">The candidate the record names.</param>
    /// <param name="what">The record, as the message's subject (for example <c>Evaluation b3:…</c>).</param>
    public void Require(CandidateId candidateId, string what)
    {
        if (collections.Candidates.FindById(candidateId.Digest) is null)
        {
            throw new WorkspaceReferenceException(
                $"{what} was refused: its candidate {candidateId} is not in workspace database '{collections.DatabasePath}'. Insert the candidate first.");
        }
    }

    /// <summary>
    /// The candidates of membership documents, each as a member of its scope. <paramref name="originals"/> are
    /// records already at hand (their documents are not read again); a membership repeating a candidate's original
    /// scope, which this store never writes, is skipped so no candidate is listed twice in one scope.
    /// </summary>
    private List<CandidateRecord> MembersOf(IReadOnlyList<BsonDocument> memberships, IReadOnlyList<CandidateRecord> originals)
    {
        var known = originals.ToDictionary(c => c.Id.Digest, StringComparer.Ordinal);
        var members = new List<CandidateRecord>(memberships.Count);
        foreach (var membership in memberships)
        {
            var digest = membership["candidate"].AsString;
            if (!known.TryGetValue(digest, out var original))
            {
                original = collections.Candidates.FindById(digest) is { } document
                    ? BsonCodec.ToCandidate(document)
                    : throw new WorkspaceDatabaseException(collections.DatabasePath,
                        $"Workspace database '{collections.DatabasePath}' is damaged: membership '{membership["_id"].AsString}' refers to candidate diff://b3:{digest}, which is not stored. " +
                        "Restore the file from a backup or re-import the workspace from an archive into a new one.");
                known.Add(digest, original);
            }
            if (original.Spec != membership["spec"].AsString || original.Workspace != membership["workspace"].AsString)
            {
                members.Add(BsonCodec.ToMember(original, membership));
            }
        }
        return members;
    }

    /// <summary>Candidate records by creation time, then id, spec and workspace (ordinal).</summary>
    private static List<CandidateRecord> Ordered(IEnumerable<CandidateRecord> candidates) => candidates
        .OrderBy(c => c.CreatedAt)
        .ThenBy(c => c.Id.Digest, StringComparer.Ordinal)
        .ThenBy(c => c.Spec, StringComparer.Ordinal)
        .ThenBy(c => c.Workspace, StringComparer.Ordinal)
        .ToList();
}
