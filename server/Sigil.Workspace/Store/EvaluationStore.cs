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
    public List<EvaluationRecord> List(CandidateId candidateId) => Ordered(collections.Evaluations.Find(Query.EQ("candidate", candidateId.Digest)));

    /// <summary>
    /// The evaluations of each of <paramref name="candidateIds"/> (an empty list for one without any), each ordered as
    /// <see cref="List(CandidateId)"/> orders them, read with one indexed query per <see cref="Batch"/> candidates.
    /// </summary>
    public Dictionary<CandidateId, IReadOnlyList<EvaluationRecord>> List(IEnumerable<CandidateId> candidateIds)
    {
        var wanted = candidateIds.Distinct().ToList();
        var found = new Dictionary<string, List<BsonDocument>>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(Batch))
        {
            foreach (var document in collections.Evaluations.Find(Query.In("candidate", chunk.Select(c => new BsonValue(c.Digest)))))
            {
                var digest = document["candidate"].AsString;
                (found.TryGetValue(digest, out var list) ? list : found[digest] = []).Add(document);
            }
        }
        return wanted.ToDictionary(c => c, c => (IReadOnlyList<EvaluationRecord>)(found.TryGetValue(c.Digest, out var list) ? Ordered(list) : []));
    }

    /// <summary>How many candidates one query asks for.</summary>
    public const int Batch = 500;

    private static List<EvaluationRecord> Ordered(IEnumerable<BsonDocument> documents) => documents
        .Select(BsonCodec.ToEvaluation)
        .OrderBy(e => e.CreatedAt)
        .ThenBy(e => e.Id, StringComparer.Ordinal)
        .ToList();
}
