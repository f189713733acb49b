using LiteDB;
using Sigil.Core.Identity;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// The explicit BSON layout of workspace records in LiteDB (no reflection mapping, so the stored schema only
/// changes when this file does). Timestamps are stored as UTC ticks, ids as bare hex digests.
/// </summary>
/// <remarks>
/// A <c>candidates</c> document holds the candidate's content (diff, AST patch, parent, function id) together with
/// the spec, workspace, provenance, creation time and summary it was first written under: its original record and
/// its first membership. A <c>memberships</c> document (schema version 2) adds the candidate to one more spec and
/// workspace with that scope's own provenance, creation time and summary; it never repeats the original scope.
/// </remarks>
internal static class BsonCodec
{
    public static BsonDocument FromCandidate(CandidateRecord candidate) => new()
    {
        ["_id"] = candidate.Id.Digest,
        ["function_id"] = candidate.FunctionId.ToString(),
        ["spec"] = candidate.Spec,
        ["workspace"] = candidate.Workspace,
        ["scope"] = Scope(candidate.Spec, candidate.Workspace),
        ["parent"] = candidate.Parent is null ? BsonValue.Null : new BsonValue(candidate.Parent.Digest),
        ["parent_key"] = candidate.Parent is null ? BaselineKey(candidate.FunctionId) : candidate.Parent.Digest,
        ["diff"] = candidate.Diff,
        ["ast_patch"] = candidate.AstPatch,
        ["provenance"] = FromProvenance(candidate.Provenance),
        ["created_at"] = candidate.CreatedAt.UtcTicks,
        ["summary"] = candidate.Summary,
    };

    public static CandidateRecord ToCandidate(BsonDocument document)
    {
        var parent = document["parent"];
        return new CandidateRecord
        {
            Id = new CandidateId(document["_id"].AsString),
            FunctionId = FunctionId.Parse(document["function_id"].AsString),
            Spec = document["spec"].AsString,
            Workspace = document["workspace"].AsString,
            Parent = parent.IsNull ? null : new CandidateId(parent.AsString),
            Diff = document["diff"].AsString,
            AstPatch = document["ast_patch"].AsString,
            Provenance = ToProvenance(document["provenance"].AsDocument),
            CreatedAt = new DateTimeOffset(document["created_at"].AsInt64, TimeSpan.Zero),
            Summary = document["summary"].AsString,
        };
    }

    /// <summary>
    /// The membership document adding the stored candidate <paramref name="member"/>.Id to
    /// <paramref name="member"/>'s spec and workspace, with its provenance, creation time and summary.
    /// </summary>
    public static BsonDocument FromMembership(CandidateRecord member) => new()
    {
        ["_id"] = MembershipKey(member.Spec, member.Workspace, member.Id),
        ["candidate"] = member.Id.Digest,
        ["spec"] = member.Spec,
        ["workspace"] = member.Workspace,
        ["scope"] = Scope(member.Spec, member.Workspace),
        ["provenance"] = FromProvenance(member.Provenance),
        ["created_at"] = member.CreatedAt.UtcTicks,
        ["summary"] = member.Summary,
    };

    /// <summary>The stored candidate <paramref name="original"/> as a member of the scope of <paramref name="membership"/>.</summary>
    public static CandidateRecord ToMember(CandidateRecord original, BsonDocument membership) => original with
    {
        Spec = membership["spec"].AsString,
        Workspace = membership["workspace"].AsString,
        Provenance = ToProvenance(membership["provenance"].AsDocument),
        CreatedAt = new DateTimeOffset(membership["created_at"].AsInt64, TimeSpan.Zero),
        Summary = membership["summary"].AsString,
    };

    /// <summary>The key of a membership: scope and candidate digest (names cannot contain '/', so it is unambiguous).</summary>
    public static string MembershipKey(string spec, string workspace, CandidateId candidate) => Scope(spec, workspace) + "/" + candidate.Digest;

    public static BsonDocument FromEvaluation(EvaluationRecord evaluation) => new()
    {
        ["_id"] = Hex(evaluation.Id),
        ["candidate"] = evaluation.CandidateId.Digest,
        ["evaluator"] = evaluation.Evaluator,
        ["evaluator_version"] = evaluation.EvaluatorVersion,
        ["sample_set"] = evaluation.SampleSetDigest,
        ["metrics"] = new BsonArray(evaluation.Metrics.Select(m => new BsonDocument { ["name"] = m.Key, ["value"] = m.Value })),
        ["correct"] = evaluation.Correct,
        ["error_class"] = Nullable(evaluation.ErrorClass),
        ["created_at"] = evaluation.CreatedAt.UtcTicks,
    };

    public static EvaluationRecord ToEvaluation(BsonDocument document) => new()
    {
        Id = EvaluationRecord.IdPrefix + document["_id"].AsString,
        CandidateId = new CandidateId(document["candidate"].AsString),
        Evaluator = document["evaluator"].AsString,
        EvaluatorVersion = document["evaluator_version"].AsString,
        SampleSetDigest = document["sample_set"].AsString,
        Metrics = document["metrics"].AsArray.Select(m => m.AsDocument)
            .ToDictionary(m => m["name"].AsString, m => m["value"].AsDouble, StringComparer.Ordinal),
        Correct = document["correct"].AsBoolean,
        ErrorClass = NullableString(document["error_class"]),
        CreatedAt = new DateTimeOffset(document["created_at"].AsInt64, TimeSpan.Zero),
    };

    public static BsonDocument FromArtifact(string key, ArtifactRef artifact) => new()
    {
        ["_id"] = key,
        ["candidate"] = artifact.CandidateId.Digest,
        ["name"] = artifact.Name,
        ["digest"] = Hex(artifact.Digest),
        ["length"] = artifact.Length,
    };

    public static ArtifactRef ToArtifact(BsonDocument document) => new(
        new CandidateId(document["candidate"].AsString),
        document["name"].AsString,
        ArtifactRef.DigestPrefix + document["digest"].AsString,
        document["length"].AsInt64);

    /// <summary>The registry and index key of a spec's named workspace (names cannot contain '/').</summary>
    public static string Scope(string spec, string workspace) => spec + "/" + workspace;

    /// <summary>The <c>parent_key</c> of candidates rooted at a baseline: bounded in length, never a bare digest.</summary>
    public static string BaselineKey(FunctionId baseline) => "f:" + Sigil.Core.Hashing.Blake3Digest.Hex(baseline.ToString());

    /// <summary>The hex digest of a <c>b3:&lt;hex&gt;</c> id.</summary>
    public static string Hex(string b3) => b3["b3:".Length..];

    private static BsonDocument FromProvenance(Provenance provenance) => new()
    {
        ["generator_kind"] = provenance.GeneratorKind,
        ["model"] = Nullable(provenance.Model),
        ["prompt_digest"] = Nullable(provenance.PromptDigest),
        ["tokens"] = provenance.Tokens is { } tokens ? new BsonValue(tokens) : BsonValue.Null,
        ["optimizer"] = Nullable(provenance.Optimizer),
        ["optimizer_parameters"] = new BsonArray(
            provenance.OptimizerParameters.Select(p => new BsonDocument { ["name"] = p.Key, ["value"] = p.Value })),
    };

    private static Provenance ToProvenance(BsonDocument document) => new()
    {
        GeneratorKind = document["generator_kind"].AsString,
        Model = NullableString(document["model"]),
        PromptDigest = NullableString(document["prompt_digest"]),
        Tokens = document["tokens"].IsNull ? null : document["tokens"].AsInt64,
        Optimizer = NullableString(document["optimizer"]),
        OptimizerParameters = document["optimizer_parameters"].AsArray.Select(p => p.AsDocument)
            .ToDictionary(p => p["name"].AsString, p => p["value"].AsString, StringComparer.Ordinal),
    };

    private static BsonValue Nullable(string? value) => value is null ? BsonValue.Null : new BsonValue(value);

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}
