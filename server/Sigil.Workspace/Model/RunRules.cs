using System.Text;
using Sigil.Core.Hashing;
using Sigil.Workspace.Serialization;

namespace Sigil.Workspace.Model;

/// <summary>
/// The validity rules of the run log (runs and trials), shared by the store (on insert) and the archive (on import).
/// Like <see cref="RecordRules"/>, each check returns <c>null</c> when the record is valid, else a sentence saying what
/// is wrong and what to do. The rules that need the store (references, the order of trials) are the store's.
/// </summary>
internal static class RunRules
{
    public static string? CheckRun(RunRecord run)
    {
        if (run.Id?.Digest is null || run.Spec is null || run.Workspace is null || run.Optimizer is null || run.OptimizerSettings is null
            || run.SampleSetDigest is null || run.EvaluatorDigest is null || run.ToolVersion is null)
        {
            return "A run record has a null field (id, spec, workspace, optimizer, optimizer settings, sample-set digest, evaluator digest and tool version are required); build it with RunRecord.Create.";
        }
        var what = $"Run {run.Id}";
        var problem = RecordRules.CheckName(run.Spec, "spec")
            ?? RecordRules.CheckName(run.Workspace, "workspace")
            ?? RecordRules.CheckLabel(run.Optimizer, "optimizer name")
            ?? RecordRules.CheckLabel(run.SampleSetDigest, "sample-set digest")
            ?? RecordRules.CheckLabel(run.EvaluatorDigest, "evaluator digest")
            ?? RecordRules.CheckLabel(run.ToolVersion, "tool version")
            ?? (run.Iterations < 1 ? $"its number of trials (--niter) is {run.Iterations}; it must be at least 1." : null)
            ?? CheckPins(run)
            ?? CheckModels(run)
            ?? (run.MaxTokens < 0 ? $"its token budget is {run.MaxTokens}; it must be zero or more, or absent for none." : null)
            ?? (run.MaxCostUsd is { } usd && !(double.IsFinite(usd) && usd >= 0) ? $"its USD budget is {usd}; it must be a finite amount of zero or more, or absent for none." : null)
            ?? CheckEndpoint(run.EndpointBaseUrl)
            ?? CheckSettings(run.OptimizerSettings);
        if (problem is not null)
        {
            return $"{what}: {problem}";
        }
        if (!Blake3Digest.IsDigest(run.Id.Digest))
        {
            return $"{what}: the id must be '{RunId.Prefix}' followed by 64 lowercase hex digits; build the record with RunRecord.Create.";
        }
        var actual = run.ComputeId();
        return actual == run.Id
            ? null
            : $"{what} does not match its content, which hashes to {actual}. The record was altered after its id was computed, or built by hand; build it with RunRecord.Create.";
    }

    public static string? CheckTrial(TrialRecord trial)
    {
        if (trial.RunId?.Digest is null || trial.RequestDigest is null)
        {
            return "A trial record has a null field (run id and request digest are required).";
        }
        var what = $"Trial {trial.Index} of run {trial.RunId}";
        var problem = Blake3Digest.IsDigest(trial.RunId.Digest)
            ? CheckTrialFields(trial)
            : $"the run id must be '{RunId.Prefix}' followed by 64 lowercase hex digits; use the Id of a RunRecord built with RunRecord.Create.";
        return problem is null ? null : $"{what}: {problem}";
    }

    /// <summary>Why <paramref name="url"/> is not a storable endpoint base URL, without ever repeating what may be a secret; or <c>null</c>.</summary>
    public static string? CheckEndpoint(string? url)
    {
        if (url is null)
        {
            return null;
        }
        const string Remedy = "store the endpoint without credentials: API keys belong in the environment, never in the workspace.";
        if (url.Length > 2048 || url.Any(char.IsControl) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "the endpoint base URL is not an absolute http or https URL of at most 2048 characters.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return $"the endpoint base URL for host '{uri.Host}' carries user info (a name or password); {Remedy}";
        }
        return url.Contains('?') || url.Contains('#')
            ? $"the endpoint base URL for host '{uri.Host}' has a query string or fragment, which may carry a key; {Remedy}"
            : null;
    }

    private static string? CheckTrialFields(TrialRecord trial)
    {
        if (trial.Index < 0)
        {
            return "the index is negative; a run's trials are numbered from 0.";
        }
        if (!Enum.IsDefined(trial.Status))
        {
            return $"the status {(int)trial.Status} is not one of evaluated, duplicate, rejected or out-of-budget.";
        }
        var status = RunJson.StatusText(trial.Status);
        var makesCandidate = trial.Status is TrialRecordStatus.Evaluated or TrialRecordStatus.Duplicate;
        if (makesCandidate != trial.CandidateId is not null)
        {
            return makesCandidate
                ? $"a {status} trial must name its candidate."
                : $"a {status} trial has no candidate, but it names {trial.CandidateId}.";
        }
        if (trial.EvaluationId is not null && (trial.CandidateId is null || !RecordRules.IsB3(trial.EvaluationId)))
        {
            return "its evaluation id must be 'b3:' followed by 64 lowercase hex digits, and only a trial with a candidate names one.";
        }
        if (trial.Fitness.HasValue != trial.Feasible.HasValue)
        {
            return "fitness and feasible go together: give both or neither.";
        }
        if (trial.Status == TrialRecordStatus.Evaluated ? !trial.Fitness.HasValue : !makesCandidate && trial.Fitness.HasValue)
        {
            return trial.Status == TrialRecordStatus.Evaluated
                ? "an evaluated trial must give its fitness and whether it is feasible."
                : $"a {status} trial has no program, so it has no fitness.";
        }
        if (trial.Generator is null && (trial.Model ?? trial.Operator) is not null)
        {
            return "its arm has a model or operator but no generator.";
        }
        if (trial.FailureMessage is not null && trial.FailureKind is null)
        {
            return "it has a failure message without a failure kind.";
        }
        return RecordRules.CheckOptionalLabel(trial.Generator, "arm generator")
            ?? RecordRules.CheckOptionalLabel(trial.Model, "arm model")
            ?? RecordRules.CheckOptionalLabel(trial.Operator, "arm operator")
            ?? RecordRules.CheckOptionalLabel(trial.FailureKind, "failure kind")
            ?? RecordRules.CheckOptionalLabel(trial.Label, "label")
            ?? RecordRules.CheckLabel(trial.RequestDigest, "request digest")
            ?? CheckMessage(trial.FailureMessage)
            ?? CheckAnswer(trial)
            ?? (trial.InputTokens < 0 || trial.OutputTokens < 0 ? $"its token counts ({trial.InputTokens} in, {trial.OutputTokens} out) must be zero or more." : null)
            ?? (double.IsFinite(trial.CostUsd) && trial.CostUsd >= 0 ? null : $"its cost is {trial.CostUsd} USD; it must be a finite amount of zero or more.");
    }

    private static string? CheckMessage(string? message)
    {
        if (message is null)
        {
            return null;
        }
        if (RecordRules.CheckText(message, "failure message") is { } problem)
        {
            return problem;
        }
        var bytes = Encoding.UTF8.GetByteCount(message);
        return bytes <= WorkspaceLimits.MaxTrialMessageBytes
            ? null
            : $"the failure message is {bytes} bytes, over the limit of {WorkspaceLimits.MaxTrialMessageBytes}; shorten it (the full text can be attached to the candidate as an artifact).";
    }

    private static string? CheckAnswer(TrialRecord trial)
    {
        if (trial.Answer is null)
        {
            return trial.AnswerBytes == 0 ? null : $"it has no answer but records an answer of {trial.AnswerBytes} bytes.";
        }
        if (RecordRules.CheckText(trial.Answer, "answer") is { } problem)
        {
            return problem;
        }
        long bytes = Encoding.UTF8.GetByteCount(trial.Answer);
        var consistent = trial.AnswerBytes > WorkspaceLimits.MaxAnswerBytes
            ? bytes <= WorkspaceLimits.MaxAnswerBytes
            : bytes == trial.AnswerBytes;
        return consistent ? null : $"its answer is {bytes} bytes but it records {trial.AnswerBytes}; the record was altered.";
    }

    private static string? CheckPins(RunRecord run)
    {
        var pins = run.PinFunctionIds;
        if (pins.Count is 0 or > WorkspaceLimits.MaxRunListLength)
        {
            return $"it has {pins.Count} pins in scope; a run works on 1 to {WorkspaceLimits.MaxRunListLength}.";
        }
        return pins.Distinct().Count() == pins.Count ? null : "a pin is listed twice in its scope.";
    }

    private static string? CheckModels(RunRecord run)
    {
        var models = run.Models;
        if (models.Count > WorkspaceLimits.MaxRunListLength)
        {
            return $"it lists {models.Count} models; the limit is {WorkspaceLimits.MaxRunListLength}.";
        }
        return models.Select(m => RecordRules.CheckLabel(m, "model name")).FirstOrDefault(p => p is not null)
            ?? (models.Distinct(StringComparer.Ordinal).Count() == models.Count ? null : "a model is listed twice.");
    }

    private static string? CheckSettings(string settings)
    {
        var bytes = Encoding.UTF8.GetByteCount(settings);
        if (bytes > WorkspaceLimits.MaxRunSettingsBytes)
        {
            return $"its optimizer settings are {bytes} bytes, over the limit of {WorkspaceLimits.MaxRunSettingsBytes}.";
        }
        var canonical = JsonCanonicalizer.TryCanonicalizeObject(settings, out var problem);
        return canonical is null
            ? $"its optimizer settings are not a JSON object: {problem}"
            : canonical == settings ? null : "its optimizer settings are not in canonical form; build the record with RunRecord.Create, which canonicalizes them.";
    }
}
