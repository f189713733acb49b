using System.Text;
using System.Text.RegularExpressions;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;

namespace Sigil.Workspace.Model;

/// <summary>
/// The validity rules of workspace records, shared by the store (on insert) and the archive (on import). Each check
/// returns <c>null</c> when the record is valid, else a sentence saying what is wrong and what to do.
/// </summary>
internal static partial class RecordRules
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The rule for spec and workspace names, in words.</summary>
    public const string NameRule = "1 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit";

    public static string? CheckCandidate(CandidateRecord candidate)
    {
        if (candidate.Id is null || candidate.FunctionId is null || candidate.Provenance is null
            || candidate.Diff is null || candidate.AstPatch is null || candidate.Summary is null
            || candidate.Spec is null || candidate.Workspace is null)
        {
            return "A candidate record has a null field (id, function id, spec, workspace, diff, AST patch, provenance and summary are required); build it with CandidateRecord.Create.";
        }
        var what = $"Candidate {candidate.Id}";
        var problem = CheckName(candidate.Spec, "spec") ?? CheckName(candidate.Workspace, "workspace");
        if (problem is not null)
        {
            return $"{what}: {problem}";
        }
        if (string.IsNullOrWhiteSpace(candidate.Diff))
        {
            return $"{what} has an empty diff; a candidate must change its parent (the baseline itself is the FunctionID, not a candidate).";
        }
        if (candidate.Parent == candidate.Id)
        {
            return $"{what} names itself as its parent; the parent must be another candidate or null for the baseline.";
        }
        var provenance = candidate.Provenance;
        problem = CheckLabel(provenance.GeneratorKind, "provenance generator kind")
            ?? CheckOptionalLabel(provenance.Model, "provenance model")
            ?? CheckOptionalLabel(provenance.PromptDigest, "provenance prompt digest")
            ?? CheckOptionalLabel(provenance.Optimizer, "provenance optimizer")
            ?? (provenance.Tokens < 0 ? $"provenance tokens is {provenance.Tokens}; it must be zero or more." : null)
            ?? provenance.OptimizerParameters.Select(p =>
                CheckLabel(p.Key, "optimizer parameter name") ?? CheckText(p.Value, $"optimizer parameter '{p.Key}'")).FirstOrDefault(p => p is not null)
            ?? CheckText(candidate.Diff, "diff")
            ?? CheckText(candidate.AstPatch, "AST patch")
            ?? CheckText(candidate.Summary, "summary");
        if (problem is not null)
        {
            return $"{what}: {problem}";
        }
        long size = Encoding.UTF8.GetByteCount(candidate.Diff) + Encoding.UTF8.GetByteCount(candidate.AstPatch)
            + Encoding.UTF8.GetByteCount(candidate.Summary)
            + provenance.OptimizerParameters.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Key) + Encoding.UTF8.GetByteCount(p.Value));
        if (size > WorkspaceLimits.MaxCandidateBytes)
        {
            return $"{what} is {size} bytes of text, over the limit of {WorkspaceLimits.MaxCandidateBytes}; store large material as an artifact instead.";
        }
        var actual = candidate.ComputeId();
        if (actual != candidate.Id)
        {
            return $"{what} does not match its content: its diff and AST patch hash to {actual}. The record was altered after its id was computed, or built by hand; build it with CandidateRecord.Create.";
        }
        return null;
    }

    public static string? CheckEvaluation(EvaluationRecord evaluation)
    {
        if (evaluation.Id is null || evaluation.CandidateId is null || evaluation.Evaluator is null
            || evaluation.EvaluatorVersion is null || evaluation.SampleSetDigest is null)
        {
            return "An evaluation record has a null field (id, candidate id, evaluator, evaluator version and sample-set digest are required); build it with EvaluationRecord.Create.";
        }
        var what = $"Evaluation {evaluation.Id} of candidate {evaluation.CandidateId}";
        if (!IsB3(evaluation.Id))
        {
            return $"{what}: the id must be 'b3:' followed by 64 lowercase hex digits; build the record with EvaluationRecord.Create.";
        }
        var problem = CheckLabel(evaluation.Evaluator, "evaluator name")
            ?? CheckLabel(evaluation.EvaluatorVersion, "evaluator version")
            ?? CheckLabel(evaluation.SampleSetDigest, "sample-set digest")
            ?? CheckOptionalLabel(evaluation.ErrorClass, "error class")
            ?? (evaluation.Metrics.Count > WorkspaceLimits.MaxMetrics ? $"it has {evaluation.Metrics.Count} metrics, over the limit of {WorkspaceLimits.MaxMetrics}." : null)
            ?? evaluation.Metrics.Keys.Select(k => CheckLabel(k, "metric name")).FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            return $"{what}: {problem}";
        }
        var actual = evaluation.ComputeId();
        if (actual != evaluation.Id)
        {
            return $"{what} does not match its content, which hashes to {actual}. The record was altered after its id was computed, or built by hand; build it with EvaluationRecord.Create.";
        }
        return null;
    }

    public static string? CheckArtifactName(string? name) => CheckLabel(name, "artifact name");

    public static string? CheckName(string? name, string what) =>
        name is not null && NamePattern().IsMatch(name)
            ? null
            : $"the {what} name '{name}' is not valid; use {NameRule}.";

    /// <summary>True when <paramref name="value"/> is <c>b3:</c> followed by a 64-digit lowercase hex BLAKE3 digest.</summary>
    public static bool IsB3(string? value) =>
        value is not null && value.StartsWith("b3:", StringComparison.Ordinal) && Blake3Digest.IsDigest(value[3..]);

    public static string? CheckOptionalLabel(string? value, string what) => value is null ? null : CheckLabel(value, what);

    public static string? CheckLabel(string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"the {what} is empty; it must be 1 to {WorkspaceLimits.MaxLabelLength} characters.";
        }
        if (value.Length > WorkspaceLimits.MaxLabelLength)
        {
            return $"the {what} is {value.Length} characters long; the limit is {WorkspaceLimits.MaxLabelLength}.";
        }
        if (value.Any(char.IsControl))
        {
            return $"the {what} '{value.ReplaceLineEndings(" ")}' contains control characters; use printable text.";
        }
        return CheckText(value, what);
    }

    public static string? CheckText(string value, string what)
    {
        try
        {
            StrictUtf8.GetByteCount(value);
            return value.Contains('\0') ? $"the {what} contains a NUL character, which the store cannot hold." : null;
        }
        catch (EncoderFallbackException)
        {
            return $"the {what} is not valid Unicode text (it has an unpaired surrogate).";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z")]
    private static partial Regex NamePattern();
}
