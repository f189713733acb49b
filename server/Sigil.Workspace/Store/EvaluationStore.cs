using LiteDB;
using Sigil.Core.Identity;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// The <c>evaluations</c> collection. Insert-only: an evaluation is keyed by its content-addressed id, and writing a
/// stored id writes nothing.
/// </summary>
internal sealed class EvaluationStore(WorkspaceCollections collections, CandidateReader candidates)
{
    /// <summary>Inserts a validated evaluation of a stored candidate, unless its id is stored.</summary>
    public InsertResult<EvaluationRecord> Insert(EvaluationRecord evaluation)
    {
        if (collections.Evaluations.FindById(BsonCodec.Hex(evaluation.Id)) is { } existing)
        {
            return new(BsonCodec.ToEvaluation(existing), AlreadyExisted: true);
        }
        candidates.Require(evaluation.CandidateId, $"Evaluation {evaluation.Id}");
        collections.Evaluations.Insert(BsonCodec.FromEvaluation(evaluation));
        return new(evaluation, AlreadyExisted: false);
    }

    /// <summary>The evaluations of a candidate, ordered by creation time, then id.</summary>
    public List<EvaluationRecord> List(CandidateId candidateId) => collections.Evaluations.Find(Query.EQ("candidate", candidateId.Digest))
        .Select(BsonCodec.ToEvaluation)
        .OrderBy(e => e.CreatedAt)
        .ThenBy(e => e.Id, StringComparer.Ordinal)
        .ToList();
}
