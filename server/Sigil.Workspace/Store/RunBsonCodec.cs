using System.Globalization;
using LiteDB;
using Sigil.Core.Identity;
using Sigil.Workspace.Model;
using Sigil.Workspace.Serialization;

namespace Sigil.Workspace.Store;

/// <summary>
/// The explicit BSON layout of the run log (schema version 3), like <see cref="BsonCodec"/> for the other records:
/// timestamps as UTC ticks, ids as bare hex digests, a trial's status as its text form.
/// </summary>
/// <remarks>
/// A <c>runs</c> document is keyed by the run id's digest and carries its <c>scope</c> (<c>spec/workspace</c>). A
/// <c>trials</c> document is keyed <c>&lt;run digest&gt;/&lt;index, 10 digits&gt;</c> and carries the run's digest, the
/// index and <c>digest</c>, the hex BLAKE3 of the trial's canonical JSON, compared when a trial is offered again.
/// </remarks>
internal static class RunBsonCodec
{
    public static BsonDocument FromRun(RunRecord run) => new()
    {
        ["_id"] = run.Id.Digest,
        ["spec"] = run.Spec,
        ["workspace"] = run.Workspace,
        ["scope"] = BsonCodec.Scope(run.Spec, run.Workspace),
        ["optimizer"] = run.Optimizer,
        ["optimizer_settings"] = run.OptimizerSettings,
        ["seed"] = run.Seed,
        ["niter"] = run.Iterations,
        ["pins"] = new BsonArray(run.PinFunctionIds.Select(p => new BsonValue(p.ToString()))),
        ["sample_set"] = run.SampleSetDigest,
        ["evaluator"] = run.EvaluatorDigest,
        ["endpoint"] = Nullable(run.EndpointBaseUrl),
        ["models"] = new BsonArray(run.Models.Select(m => new BsonValue(m))),
        ["max_tokens"] = run.MaxTokens is { } tokens ? new BsonValue(tokens) : BsonValue.Null,
        ["max_usd"] = run.MaxCostUsd is { } usd ? new BsonValue(usd) : BsonValue.Null,
        ["created_at"] = run.CreatedAt.UtcTicks,
        ["tool_version"] = run.ToolVersion,
    };

    public static RunRecord ToRun(BsonDocument document) => new()
    {
        Id = new RunId(document["_id"].AsString),
        Spec = document["spec"].AsString,
        Workspace = document["workspace"].AsString,
        Optimizer = document["optimizer"].AsString,
        OptimizerSettings = document["optimizer_settings"].AsString,
        Seed = document["seed"].AsInt64,
        Iterations = document["niter"].AsInt32,
        PinFunctionIds = document["pins"].AsArray.Select(p => FunctionId.Parse(p.AsString)).ToList(),
        SampleSetDigest = document["sample_set"].AsString,
        EvaluatorDigest = document["evaluator"].AsString,
        EndpointBaseUrl = NullableString(document["endpoint"]),
        Models = document["models"].AsArray.Select(m => m.AsString).ToList(),
        MaxTokens = document["max_tokens"].IsNull ? null : document["max_tokens"].AsInt64,
        MaxCostUsd = document["max_usd"].IsNull ? null : document["max_usd"].AsDouble,
        CreatedAt = new DateTimeOffset(document["created_at"].AsInt64, TimeSpan.Zero),
        ToolVersion = document["tool_version"].AsString,
    };

    /// <summary>The key of trial <paramref name="index"/> of a run: its digest and the zero-padded index, so keys sort by index.</summary>
    public static string TrialKey(RunId run, int index) => run.Digest + "/" + index.ToString("D10", CultureInfo.InvariantCulture);

    /// <param name="trial">The trial, validated.</param>
    /// <param name="digest">Its <see cref="TrialRecord.ComputeDigest"/>.</param>
    public static BsonDocument FromTrial(TrialRecord trial, string digest) => new()
    {
        ["_id"] = TrialKey(trial.RunId, trial.Index),
        ["run"] = trial.RunId.Digest,
        ["index"] = trial.Index,
        ["digest"] = BsonCodec.Hex(digest),
        ["status"] = RunJson.StatusText(trial.Status),
        ["candidate"] = Nullable(trial.CandidateId?.Digest),
        ["parent"] = Nullable(trial.ParentId?.Digest),
        ["evaluation"] = Nullable(trial.EvaluationId is null ? null : BsonCodec.Hex(trial.EvaluationId)),
        ["generator"] = Nullable(trial.Generator),
        ["model"] = Nullable(trial.Model),
        ["operator"] = Nullable(trial.Operator),
        ["answer"] = Nullable(trial.Answer),
        ["answer_bytes"] = trial.AnswerBytes,
        ["failure_kind"] = Nullable(trial.FailureKind),
        ["failure_message"] = Nullable(trial.FailureMessage),
        ["input_tokens"] = trial.InputTokens,
        ["output_tokens"] = trial.OutputTokens,
        ["cost_usd"] = trial.CostUsd,
        ["fitness"] = trial.Fitness is { } fitness ? new BsonValue(fitness) : BsonValue.Null,
        ["feasible"] = trial.Feasible is { } feasible ? new BsonValue(feasible) : BsonValue.Null,
        ["label"] = Nullable(trial.Label),
        ["request_digest"] = trial.RequestDigest,
        ["created_at"] = trial.CreatedAt.UtcTicks,
    };

    public static TrialRecord ToTrial(BsonDocument document)
    {
        var candidate = document["candidate"];
        var parent = document["parent"];
        var evaluation = document["evaluation"];
        var status = document["status"].AsString;
        return new TrialRecord
        {
            RunId = new RunId(document["run"].AsString),
            Index = document["index"].AsInt32,
            Status = RunJson.ParseStatus(status) ?? throw new FormatException($"unknown trial status '{status}'"),
            CandidateId = candidate.IsNull ? null : new CandidateId(candidate.AsString),
            ParentId = parent.IsNull ? null : new CandidateId(parent.AsString),
            EvaluationId = evaluation.IsNull ? null : EvaluationRecord.IdPrefix + evaluation.AsString,
            Generator = NullableString(document["generator"]),
            Model = NullableString(document["model"]),
            Operator = NullableString(document["operator"]),
            Answer = NullableString(document["answer"]),
            AnswerBytes = document["answer_bytes"].AsInt64,
            FailureKind = NullableString(document["failure_kind"]),
            FailureMessage = NullableString(document["failure_message"]),
            InputTokens = document["input_tokens"].AsInt64,
            OutputTokens = document["output_tokens"].AsInt64,
            CostUsd = document["cost_usd"].AsDouble,
            Fitness = document["fitness"].IsNull ? null : document["fitness"].AsDouble,
            Feasible = document["feasible"].IsNull ? null : document["feasible"].AsBoolean,
            Label = NullableString(document["label"]),
            RequestDigest = document["request_digest"].AsString,
            CreatedAt = new DateTimeOffset(document["created_at"].AsInt64, TimeSpan.Zero),
        };
    }

    private static BsonValue Nullable(string? value) => value is null ? BsonValue.Null : new BsonValue(value);

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}
