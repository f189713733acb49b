using Sigil.Core.Identity;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Serialization;

/// <summary>
/// The JSON shapes of candidates (<c>sigil/candidate@1</c>), memberships (<c>sigil/membership@1</c>) and
/// evaluations (<c>sigil/evaluation@1</c>), written as <see cref="CanonicalJson"/> and read strictly (every property
/// required, no unknown ones).
/// </summary>
internal static class RecordJson
{
    public const string CandidateSchema = "sigil/candidate@1";
    public const string MembershipSchema = "sigil/membership@1";
    public const string EvaluationSchema = "sigil/evaluation@1";

    public static byte[] WriteCandidate(CandidateRecord candidate) => CanonicalJson.Serialize(new Dictionary<string, object?>
    {
        ["schema"] = CandidateSchema,
        ["id"] = candidate.Id.ToString(),
        ["function_id"] = candidate.FunctionId.ToString(),
        ["spec"] = candidate.Spec,
        ["workspace"] = candidate.Workspace,
        ["parent"] = candidate.Parent?.ToString() ?? candidate.FunctionId.ToString(),
        ["diff"] = candidate.Diff,
        ["ast_patch"] = candidate.AstPatch,
        ["provenance"] = ProvenanceBody(candidate.Provenance),
        ["created_at"] = Timestamps.ToText(candidate.CreatedAt),
        ["summary"] = candidate.Summary,
    });

    public static CandidateRecord ReadCandidate(ReadOnlyMemory<byte> utf8) => JsonObjectReader.Parse(utf8, root =>
    {
        ExpectSchema(root, CandidateSchema);
        var idText = root.String("id");
        var functionText = root.String("function_id");
        var parentText = root.String("parent");
        var functionId = FunctionId.TryParse(functionText, out var parsedFunction)
            ? parsedFunction!
            : throw new RecordFormatException($"'$.function_id' is not a valid FunctionID: {Message(() => FunctionId.Parse(functionText))}");
        CandidateId? parent = null;
        if (parentText != functionText)
        {
            parent = CandidateId.TryParse(parentText, out var parsedParent)
                ? parsedParent
                : throw new RecordFormatException($"'$.parent' must be a CandidateID (diff://b3:<digest>) or the candidate's own function_id (the baseline), but is '{parentText}'.");
        }
        var provenance = ReadProvenance(root.Object("provenance"));
        var record = new CandidateRecord
        {
            Id = ParseCandidateId(idText, "$.id"),
            FunctionId = functionId,
            Spec = root.String("spec"),
            Workspace = root.String("workspace"),
            Parent = parent,
            Diff = root.String("diff"),
            AstPatch = root.String("ast_patch"),
            Provenance = provenance,
            CreatedAt = root.Timestamp("created_at"),
            Summary = root.String("summary"),
        };
        root.EnsureNothingElse();
        return record;
    });

    /// <summary>Every field of a membership but its id: what the id is computed over.</summary>
    public static Dictionary<string, object?> MembershipBody(CandidateMembership membership) => new()
    {
        ["schema"] = MembershipSchema,
        ["candidate"] = membership.CandidateId?.ToString(),
        ["spec"] = membership.Spec,
        ["workspace"] = membership.Workspace,
        ["provenance"] = membership.Provenance is null ? null : ProvenanceBody(membership.Provenance),
        ["created_at"] = Timestamps.ToText(membership.CreatedAt),
        ["summary"] = membership.Summary,
    };

    public static byte[] WriteMembership(CandidateMembership membership)
    {
        var body = MembershipBody(membership);
        body["id"] = membership.Id;
        return CanonicalJson.Serialize(body);
    }

    public static CandidateMembership ReadMembership(ReadOnlyMemory<byte> utf8) => JsonObjectReader.Parse(utf8, root =>
    {
        ExpectSchema(root, MembershipSchema);
        var record = new CandidateMembership
        {
            Id = root.String("id"),
            CandidateId = ParseCandidateId(root.String("candidate"), "$.candidate"),
            Spec = root.String("spec"),
            Workspace = root.String("workspace"),
            Provenance = ReadProvenance(root.Object("provenance")),
            CreatedAt = root.Timestamp("created_at"),
            Summary = root.String("summary"),
        };
        root.EnsureNothingElse();
        return record;
    });

    /// <summary>Every field of an evaluation but its id: what the id is computed over.</summary>
    public static Dictionary<string, object?> EvaluationBody(EvaluationRecord evaluation) => new()
    {
        ["schema"] = EvaluationSchema,
        ["candidate"] = evaluation.CandidateId?.ToString(),
        ["evaluator"] = evaluation.Evaluator,
        ["evaluator_version"] = evaluation.EvaluatorVersion,
        ["sample_set"] = evaluation.SampleSetDigest,
        ["metrics"] = evaluation.Metrics.ToDictionary(p => p.Key, p => CanonicalJson.FormatDouble(p.Value), StringComparer.Ordinal),
        ["correct"] = evaluation.Correct,
        ["error_class"] = evaluation.ErrorClass,
        ["created_at"] = Timestamps.ToText(evaluation.CreatedAt),
    };

    public static byte[] WriteEvaluation(EvaluationRecord evaluation)
    {
        var body = EvaluationBody(evaluation);
        body["id"] = evaluation.Id;
        return CanonicalJson.Serialize(body);
    }

    public static EvaluationRecord ReadEvaluation(ReadOnlyMemory<byte> utf8) => JsonObjectReader.Parse(utf8, root =>
    {
        ExpectSchema(root, EvaluationSchema);
        var record = new EvaluationRecord
        {
            Id = root.String("id"),
            CandidateId = ParseCandidateId(root.String("candidate"), "$.candidate"),
            Evaluator = root.String("evaluator"),
            EvaluatorVersion = root.String("evaluator_version"),
            SampleSetDigest = root.String("sample_set"),
            Metrics = root.Object("metrics").DoubleMap(),
            Correct = root.Boolean("correct"),
            ErrorClass = root.StringOrNull("error_class"),
            CreatedAt = root.Timestamp("created_at"),
        };
        root.EnsureNothingElse();
        return record;
    });

    public static CandidateId ParseCandidateId(string text, string path) =>
        CandidateId.TryParse(text, out var id)
            ? id!
            : throw new RecordFormatException($"'{path}' must be a CandidateID (diff://b3:<64 hex digits>) but is '{text}'.");

    private static Dictionary<string, object?> ProvenanceBody(Provenance provenance) => new()
    {
        ["generator_kind"] = provenance.GeneratorKind,
        ["model"] = provenance.Model,
        ["prompt_digest"] = provenance.PromptDigest,
        ["tokens"] = provenance.Tokens,
        ["optimizer"] = provenance.Optimizer,
        ["optimizer_parameters"] = provenance.OptimizerParameters.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
    };

    private static Provenance ReadProvenance(JsonObjectReader reader)
    {
        var provenance = new Provenance
        {
            GeneratorKind = reader.String("generator_kind"),
            Model = reader.StringOrNull("model"),
            PromptDigest = reader.StringOrNull("prompt_digest"),
            Tokens = reader.Int64OrNull("tokens"),
            Optimizer = reader.StringOrNull("optimizer"),
            OptimizerParameters = reader.Object("optimizer_parameters").StringMap(),
        };
        reader.EnsureNothingElse();
        return provenance;
    }

    private static void ExpectSchema(JsonObjectReader root, string expected)
    {
        var schema = root.String("schema");
        if (schema != expected)
        {
            throw new RecordFormatException($"'$.schema' is '{schema}' but '{expected}' was expected (a newer Sigil may have written it).");
        }
    }

    private static string Message(Action action)
    {
        try
        {
            action();
            return "unknown error";
        }
        catch (IdentityFormatException e)
        {
            return e.Message;
        }
    }
}
