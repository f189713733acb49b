using Sigil.Core.Identity;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Serialization;

/// <summary>
/// The JSON shapes of the run log: runs (<c>sigil/run@1</c>) and trials (<c>sigil/trial@1</c>), written as
/// <see cref="CanonicalJson"/> and read strictly (every property required, no unknown ones). A run's id is the BLAKE3
/// of its body; a trial's id (archive only) is the BLAKE3 of its body.
/// </summary>
internal static class RunJson
{
    public const string RunSchema = "sigil/run@1";
    public const string TrialSchema = "sigil/trial@1";

    /// <summary>Every field of a run but its id: what the id is computed over.</summary>
    public static Dictionary<string, object?> RunBody(RunRecord run) => new()
    {
        ["schema"] = RunSchema,
        ["spec"] = run.Spec,
        ["workspace"] = run.Workspace,
        ["optimizer"] = run.Optimizer,
        ["optimizer_settings"] = run.OptimizerSettings,
        ["seed"] = run.Seed,
        ["niter"] = run.Iterations,
        ["pins"] = run.PinFunctionIds.Select(p => (object?)p?.ToString()).ToList(),
        ["sample_set"] = run.SampleSetDigest,
        ["evaluator"] = run.EvaluatorDigest,
        ["endpoint"] = run.EndpointBaseUrl,
        ["models"] = run.Models.Select(m => (object?)m).ToList(),
        ["max_tokens"] = run.MaxTokens,
        ["max_usd"] = run.MaxCostUsd,
        ["created_at"] = Timestamps.ToText(run.CreatedAt),
        ["tool_version"] = run.ToolVersion,
    };

    public static byte[] WriteRun(RunRecord run)
    {
        var body = RunBody(run);
        body["id"] = run.Id.ToString();
        return CanonicalJson.Serialize(body);
    }

    public static RunRecord ReadRun(ReadOnlyMemory<byte> utf8) => JsonObjectReader.Parse(utf8, root =>
    {
        ExpectSchema(root, RunSchema);
        var idText = root.String("id");
        var record = new RunRecord
        {
            Id = RunId.TryParse(idText, out var id) ? id! : throw new RecordFormatException($"'$.id' must be a run id (run://b3:<64 hex digits>) but is '{idText}'."),
            Spec = root.String("spec"),
            Workspace = root.String("workspace"),
            Optimizer = root.String("optimizer"),
            OptimizerSettings = root.String("optimizer_settings"),
            Seed = root.Int64("seed"),
            Iterations = root.Int32("niter"),
            PinFunctionIds = root.StringArray("pins").Select((text, i) => FunctionId.TryParse(text, out var pin)
                ? pin!
                : throw new RecordFormatException($"'$.pins[{i}]' is not a valid FunctionID: '{text}'.")).ToList(),
            SampleSetDigest = root.String("sample_set"),
            EvaluatorDigest = root.String("evaluator"),
            EndpointBaseUrl = root.StringOrNull("endpoint"),
            Models = root.StringArray("models"),
            MaxTokens = root.Int64OrNull("max_tokens"),
            MaxCostUsd = root.DoubleOrNull("max_usd"),
            CreatedAt = root.Timestamp("created_at"),
            ToolVersion = root.String("tool_version"),
        };
        root.EnsureNothingElse();
        return record;
    });

    /// <summary>Every field of a trial: what its digest is computed over.</summary>
    public static Dictionary<string, object?> TrialBody(TrialRecord trial) => new()
    {
        ["schema"] = TrialSchema,
        ["run"] = trial.RunId?.ToString(),
        ["index"] = trial.Index,
        ["status"] = StatusText(trial.Status),
        ["candidate"] = trial.CandidateId?.ToString(),
        ["parent"] = trial.ParentId?.ToString(),
        ["evaluation"] = trial.EvaluationId,
        ["generator"] = trial.Generator,
        ["model"] = trial.Model,
        ["operator"] = trial.Operator,
        ["answer"] = trial.Answer,
        ["answer_bytes"] = trial.AnswerBytes,
        ["failure_kind"] = trial.FailureKind,
        ["failure_message"] = trial.FailureMessage,
        ["input_tokens"] = trial.InputTokens,
        ["output_tokens"] = trial.OutputTokens,
        ["cost_usd"] = trial.CostUsd,
        ["fitness"] = trial.Fitness,
        ["feasible"] = trial.Feasible,
        ["label"] = trial.Label,
        ["request_digest"] = trial.RequestDigest,
        ["created_at"] = Timestamps.ToText(trial.CreatedAt),
    };

    public static byte[] WriteTrial(TrialRecord trial)
    {
        var body = TrialBody(trial);
        body["id"] = trial.ComputeDigest();
        return CanonicalJson.Serialize(body);
    }

    /// <summary>Reads a trial entry; returns the trial and the id the entry claims.</summary>
    public static (TrialRecord Trial, string Id) ReadTrial(ReadOnlyMemory<byte> utf8) => JsonObjectReader.Parse(utf8, root =>
    {
        ExpectSchema(root, TrialSchema);
        var runText = root.String("run");
        var statusText = root.String("status");
        var candidate = root.StringOrNull("candidate");
        var parent = root.StringOrNull("parent");
        var record = new TrialRecord
        {
            RunId = RunId.TryParse(runText, out var run) ? run! : throw new RecordFormatException($"'$.run' must be a run id (run://b3:<64 hex digits>) but is '{runText}'."),
            Index = root.Int32("index"),
            Status = ParseStatus(statusText) ?? throw new RecordFormatException(
                $"'$.status' is '{statusText}'; expected evaluated, duplicate, rejected or out-of-budget (a newer Sigil may have written it)."),
            CandidateId = candidate is null ? null : RecordJson.ParseCandidateId(candidate, "$.candidate"),
            ParentId = parent is null ? null : RecordJson.ParseCandidateId(parent, "$.parent"),
            EvaluationId = root.StringOrNull("evaluation"),
            Generator = root.StringOrNull("generator"),
            Model = root.StringOrNull("model"),
            Operator = root.StringOrNull("operator"),
            Answer = root.StringOrNull("answer"),
            AnswerBytes = root.Int64("answer_bytes"),
            FailureKind = root.StringOrNull("failure_kind"),
            FailureMessage = root.StringOrNull("failure_message"),
            InputTokens = root.Int64("input_tokens"),
            OutputTokens = root.Int64("output_tokens"),
            CostUsd = root.Double("cost_usd"),
            Fitness = root.DoubleOrNull("fitness"),
            Feasible = root.BooleanOrNull("feasible"),
            Label = root.StringOrNull("label"),
            RequestDigest = root.String("request_digest"),
            CreatedAt = root.Timestamp("created_at"),
        };
        var id = root.String("id");
        root.EnsureNothingElse();
        return (record, id);
    });

    /// <summary>The text form of a status (<c>evaluated</c>, <c>duplicate</c>, <c>rejected</c>, <c>out-of-budget</c>).</summary>
    public static string StatusText(TrialRecordStatus status) => status switch
    {
        TrialRecordStatus.Evaluated => "evaluated",
        TrialRecordStatus.Duplicate => "duplicate",
        TrialRecordStatus.Rejected => "rejected",
        TrialRecordStatus.OutOfBudget => "out-of-budget",
        _ => $"unknown({(int)status})",
    };

    /// <summary>The status of a text form, or <c>null</c> when it is not one.</summary>
    public static TrialRecordStatus? ParseStatus(string text) => text switch
    {
        "evaluated" => TrialRecordStatus.Evaluated,
        "duplicate" => TrialRecordStatus.Duplicate,
        "rejected" => TrialRecordStatus.Rejected,
        "out-of-budget" => TrialRecordStatus.OutOfBudget,
        _ => null,
    };

    private static void ExpectSchema(JsonObjectReader root, string expected)
    {
        var schema = root.String("schema");
        if (schema != expected)
        {
            throw new RecordFormatException($"'$.schema' is '{schema}' but '{expected}' was expected (a newer Sigil may have written it).");
        }
    }
}
