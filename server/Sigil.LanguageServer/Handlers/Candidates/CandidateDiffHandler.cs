using Sigil.Core.Identity;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Candidates;
using Sigil.Runs;
using Sigil.Runs.Inspection;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Handlers.Candidates;

/// <summary>
/// <c>sigil/candidate/diff</c>: what <c>sigil show</c> prints (diff, memberships, evaluations), plus the pin's source in
/// the baseline and in the candidate for a side-by-side view (<see cref="CandidateSources"/>).
/// </summary>
internal sealed class CandidateDiffHandler(ServerState state) : IRequestHandler<CandidateDiffParams, CandidateDiffResult>
{
    /// <inheritdoc />
    public string Method => SigilMethods.CandidateDiff;

    /// <inheritdoc />
    public Task<CandidateDiffResult> HandleAsync(CandidateDiffParams parameters, CancellationToken ct)
    {
        var text = RequestException.Required(parameters.Candidate, "candidate", "\"candidate\": \"diff://b3:…\" or \"876620f3e347\"");
        CheckFormat(text);
        var project = ProjectContext.Require(state);
        if (!StoreFiles.Exists(project))
        {
            throw RequestException.NotFound($"No candidate {text}: the project has no workspace yet; start a run first.");
        }
        using var store = LiteDbWorkspaceStore.Open(project.SigilDirectory);
        Sigil.Workspace.Model.CandidateRecord candidate;
        try
        {
            candidate = CandidateLookup.Resolve(store, text);
        }
        catch (RunException e)
        {
            throw RequestException.NotFound(e.Message);
        }
        var sourceRoot = Path.GetDirectoryName(project.ProjectFile())!;
        var (file, baselineText, candidateText, baselinePin, candidatePin, warning) = CandidateSources.Rebuild(store, candidate, sourceRoot);
        return Task.FromResult(new CandidateDiffResult
        {
            Candidate = candidate.Id.ToString(),
            FunctionId = candidate.FunctionId.ToString(),
            Pin = candidate.FunctionId.QualifiedName,
            Parent = candidate.Parent?.ToString(),
            Diff = candidate.Diff,
            File = file,
            BaselineSource = baselinePin,
            CandidateSource = candidatePin,
            BaselineFileText = baselineText,
            CandidateFileText = candidateText,
            SourceWarning = warning,
            Memberships = [.. store.ListMemberships(candidate.Id).Select(m => new CandidateMembershipInfo
            {
                Spec = m.Spec,
                Workspace = m.Workspace,
                Summary = m.Summary,
                Optimizer = m.Provenance.Optimizer,
                Generator = m.Provenance.GeneratorKind,
                Model = m.Provenance.Model,
                CreatedAt = m.CreatedAt,
            })],
            Evaluations = [.. store.ListEvaluations(candidate.Id).Select(e => new EvaluationInfo
            {
                Id = e.Id,
                Evaluator = e.Evaluator,
                Version = e.EvaluatorVersion,
                SampleSet = e.SampleSetDigest,
                Correct = e.Correct,
                ErrorClass = e.ErrorClass,
                Metrics = FiniteMetrics.Of(e.Metrics),
                CreatedAt = e.CreatedAt,
            })],
        });
    }

    /// <summary>A malformed id is -32602; a well-formed one that names nothing is NotFound.</summary>
    private static void CheckFormat(string text)
    {
        if (text.StartsWith("diff://", StringComparison.Ordinal))
        {
            if (!CandidateId.TryParse(text, out _))
            {
                throw RequestException.InvalidParams($"'{text}' is not a candidate id; expected diff://b3:<64 hex digits> or a prefix of the digest.");
            }
            return;
        }
        var prefix = text.StartsWith("b3:", StringComparison.Ordinal) ? text[3..] : text;
        if (prefix.Length < CandidateLookup.MinPrefixLength || !prefix.All(Uri.IsHexDigit))
        {
            throw RequestException.InvalidParams($"'{text}' is not a candidate id; give diff://b3:<digest> or at least {CandidateLookup.MinPrefixLength} hex digits of it.");
        }
    }
}
