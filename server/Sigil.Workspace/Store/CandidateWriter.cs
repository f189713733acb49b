using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// Writes candidates: their content and original record into <c>candidates</c>, further scopes into
/// <c>memberships</c>. Insert-only: every write first looks up its key (a candidate by id, a membership by spec,
/// workspace and id) and writes nothing when it is stored; the first write wins.
/// </summary>
internal sealed class CandidateWriter(WorkspaceCollections collections, ScopeRegistry scopes)
{
    /// <summary>
    /// Inserts a validated candidate: stores its content and original record when the id is new; else, when its spec
    /// and workspace do not hold it yet, adds a membership (the stored content, parent and function id with the
    /// offered scope's provenance, time and summary); else writes nothing.
    /// </summary>
    public CandidateWrite Insert(CandidateRecord candidate)
    {
        if (collections.Candidates.FindById(candidate.Id.Digest) is { } existing)
        {
            var original = BsonCodec.ToCandidate(existing);
            if (original.Spec == candidate.Spec && original.Workspace == candidate.Workspace)
            {
                return new(new(original, AlreadyExisted: true), ContentExisted: true);
            }
            if (collections.Memberships.FindById(BsonCodec.MembershipKey(candidate.Spec, candidate.Workspace, candidate.Id)) is { } membership)
            {
                return new(new(BsonCodec.ToMember(original, membership), AlreadyExisted: true), ContentExisted: true);
            }
            var member = original with
            {
                Spec = candidate.Spec,
                Workspace = candidate.Workspace,
                Provenance = candidate.Provenance,
                CreatedAt = candidate.CreatedAt,
                Summary = candidate.Summary,
            };
            collections.Memberships.Insert(BsonCodec.FromMembership(member));
            scopes.Register(member.Spec, member.Workspace);
            return new(new(member, AlreadyExisted: false), ContentExisted: true);
        }
        if (candidate.Parent is { } parent)
        {
            var parentDocument = collections.Candidates.FindById(parent.Digest) ?? throw new WorkspaceReferenceException(
                $"Candidate {candidate.Id} was refused: its parent {parent} is not in workspace database '{collections.DatabasePath}'. " +
                "Insert the parent first (a workspace is a tree rooted at the baseline), or pass null as the parent for a child of the baseline.");
            var parentFunction = parentDocument["function_id"].AsString;
            if (parentFunction != candidate.FunctionId.ToString())
            {
                throw new WorkspaceIntegrityException(
                    $"Candidate {candidate.Id} was refused: it is for {candidate.FunctionId} but its parent {parent} is for {parentFunction}. " +
                    "A candidate's parent must be a candidate of the same function, or the baseline.");
            }
        }
        collections.Candidates.Insert(BsonCodec.FromCandidate(candidate));
        scopes.Register(candidate.Spec, candidate.Workspace);
        return new(new(candidate, AlreadyExisted: false), ContentExisted: false);
    }
}

/// <summary>The outcome of a candidate insert, and whether its content was already stored (so at most a membership was written).</summary>
internal readonly record struct CandidateWrite(InsertResult<CandidateRecord> Result, bool ContentExisted);
