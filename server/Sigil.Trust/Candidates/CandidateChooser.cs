using Sigil.Core.Identity;
using Sigil.Trust.Errors;
using Sigil.Trust.Evidence;
using Sigil.Trust.Policy;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Trust.Candidates;

/// <summary>
/// Chooses the candidates to promote from one spec and workspace: the ones the user named (full id or a unique digest
/// prefix of at least <see cref="MinPrefixLength"/> hex digits), or by default, per function, the best candidate whose
/// stored holdout/comparison evidence was ACCEPTED (correct, and the acceptance rule's verdict <c>accepted = 1</c>);
/// best is the highest speedup (or score difference) and then the earliest. One candidate per function. Each
/// candidate's evidence is the one <see cref="EvidenceSelector"/> picks (holdout first, then the newest comparison);
/// what it passed over is added to the warnings.
/// </summary>
internal static class CandidateChooser
{
    public const int MinPrefixLength = 6;

    public static IReadOnlyList<ChosenCandidate> Choose(
        IWorkspaceStore store, string spec, string workspace, IReadOnlyList<string>? named, PromotionObjective objective, List<string> warnings)
    {
        var members = store.ListCandidates(spec, workspace);
        if (members.Count == 0)
        {
            throw new TrustException(TrustErrorCodes.NoCandidates,
                $"No candidates in workspace '{workspace}' of spec '{spec}': run 'sigil run {spec} --name {workspace}' first.");
        }
        var chosen = named is { Count: > 0 }
            ? Named(store, spec, workspace, members, named, objective)
            : Best(store, spec, workspace, members, objective, warnings);
        foreach (var pin in chosen)
        {
            warnings.AddRange(pin.Evidence.Notes.Select(note => $"{pin.Candidate.FunctionId.QualifiedName}: candidate {pin.Candidate.Id.Digest[..12]}: {note}"));
        }
        return chosen.OrderBy(c => c.Candidate.FunctionId.QualifiedName, StringComparer.Ordinal).ThenBy(c => c.FunctionKey, StringComparer.Ordinal).ToList();
    }

    private static List<ChosenCandidate> Named(
        IWorkspaceStore store, string spec, string workspace, IReadOnlyList<CandidateRecord> members, IReadOnlyList<string> named, PromotionObjective objective)
    {
        var chosen = new List<ChosenCandidate>();
        foreach (var text in named)
        {
            var record = Resolve(store, spec, workspace, members, text);
            var evidence = EvidenceSelector.Select(store.ListEvaluations(record.Id), objective) ?? throw new TrustException(TrustErrorCodes.NoEvidence,
                $"{record.FunctionId.QualifiedName}: candidate {record.Id} has no stored holdout or comparison evaluation to promote it on; run 'sigil compare {spec} {workspace} {record.Id.Digest[..12]}' for fresh evidence.");
            var item = new ChosenCandidate(record, evidence);
            if (chosen.Find(c => c.FunctionKey == item.FunctionKey) is { } other)
            {
                throw new TrustException(TrustErrorCodes.DuplicatePin,
                    $"{record.FunctionId.QualifiedName} is named twice ({other.Candidate.Id} and {record.Id}); a manifest binds each function to one candidate, so name one.");
            }
            chosen.Add(item);
        }
        return chosen;
    }

    private static List<ChosenCandidate> Best(
        IWorkspaceStore store, string spec, string workspace, IReadOnlyList<CandidateRecord> members, PromotionObjective objective, List<string> warnings)
    {
        var chosen = new List<ChosenCandidate>();
        var missing = new List<(string Function, string Why)>();
        var overruled = new List<string>();
        foreach (var function in members.GroupBy(ChosenCandidate.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var measured = function
                .Select(c => EvidenceSelector.Select(store.ListEvaluations(c.Id), objective) is { } e ? new ChosenCandidate(c, e) : null)
                .OfType<ChosenCandidate>()
                .ToList();
            var best = measured
                .Where(c => c.Evidence.Accepted)
                .OrderByDescending(c => Fitness(c, objective))
                .ThenBy(c => c.Candidate.CreatedAt)
                .FirstOrDefault();
            if (best is null)
            {
                missing.Add((function.First().FunctionId.QualifiedName, WhyNone(function.Count(), measured.Count, spec, workspace)));
                overruled.AddRange(measured.Where(c => c.Evidence.PassingComparisonsIgnored > 0).Select(c =>
                    $"{c.Candidate.FunctionId.QualifiedName}: candidate {c.Candidate.Id.Digest[..12]} passes {c.Evidence.PassingComparisonsIgnored} comparison(s), but its run's holdout evaluation was not accepted and comparisons never overturn a holdout (docs/decisions/0007)."));
            }
            else
            {
                chosen.Add(best);
            }
        }
        if (chosen.Count == 0)
        {
            throw new TrustException(TrustErrorCodes.NoEvidence,
                $"No candidate in workspace '{workspace}' of spec '{spec}' has accepted holdout or comparison evidence. {string.Join(" ", missing.Select(m => $"{m.Function}: {m.Why}"))}"
                + string.Concat(overruled.Select(o => " " + o)));
        }
        warnings.AddRange(missing.Select(m => $"{m.Function}: no candidate has accepted holdout or comparison evidence, so the pin is left out: {m.Why}"));
        warnings.AddRange(overruled);
        return chosen;
    }

    private static double Fitness(ChosenCandidate candidate, PromotionObjective objective) =>
        candidate.Evidence.Metrics.GetValueOrDefault(objective == PromotionObjective.Speed ? EvidenceMetrics.Speedup : EvidenceMetrics.ScoreDelta, double.MinValue);

    private static CandidateRecord Resolve(IWorkspaceStore store, string spec, string workspace, IReadOnlyList<CandidateRecord> members, string text)
    {
        text = (text ?? string.Empty).Trim();
        var where = $"workspace '{workspace}' of spec '{spec}'";
        if (text.StartsWith("diff://", StringComparison.Ordinal))
        {
            if (!CandidateId.TryParse(text, out var id) || id is null)
            {
                throw new TrustException(TrustErrorCodes.CandidateNotFound, $"'{text}' is not a candidate id; expected diff://b3:<64 hex digits> or a prefix of the digest.");
            }
            if (members.FirstOrDefault(m => m.Id == id) is { } member)
            {
                return member;
            }
            var elsewhere = store.ListMemberships(id);
            throw new TrustException(TrustErrorCodes.CandidateNotFound, elsewhere.Count == 0
                ? $"No candidate {text} in {store.Location}."
                : $"Candidate {text} is not in {where} but in {string.Join(", ", elsewhere.Select(m => $"'{m.Spec}/{m.Workspace}'"))}; promote it from there.");
        }
        var prefix = text.StartsWith("b3:", StringComparison.Ordinal) ? text[3..] : text;
        if (prefix.Length < MinPrefixLength || !prefix.All(Uri.IsHexDigit))
        {
            throw new TrustException(TrustErrorCodes.CandidateNotFound,
                $"'{text}' is not a candidate id; give diff://b3:<digest> or at least {MinPrefixLength} hex digits of it (as 'sigil inspect-solutions' prints).");
        }
        prefix = prefix.ToLowerInvariant();
        var matches = members.Where(m => m.Id.Digest.StartsWith(prefix, StringComparison.Ordinal)).DistinctBy(m => m.Id).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new TrustException(TrustErrorCodes.CandidateNotFound, $"No candidate of {where} has a digest starting with {prefix}; list them with 'sigil inspect-solutions {spec}'."),
            _ => throw new TrustException(TrustErrorCodes.CandidateNotFound,
                $"{matches.Count} candidates of {where} start with {prefix} ({string.Join(", ", matches.Take(3).Select(m => m.Id.Digest[..12]))}…); type more digits."),
        };
    }

    /// <summary>
    /// Why a function has no promotable candidate, and what would help: candidates never measured can be compared on
    /// fresh rounds; a rejected holdout cannot be overturned by comparisons (docs/decisions/0007), only by a new run.
    /// </summary>
    private static string WhyNone(int candidates, int measured, string spec, string workspace)
    {
        var unmeasured = candidates - measured;
        var rejected = measured > 0
            ? $"the holdout rejected {(measured == 1 ? "its measured candidate" : $"all {measured} measured candidates")}, which comparisons never overturn; track more calls and run again ('sigil run {spec} --name {workspace}')"
            : null;
        var compare = unmeasured > 0
            ? $"{(unmeasured == 1 ? "1 candidate has" : $"{unmeasured} candidates have")} no holdout or comparison evidence yet; run 'sigil compare {spec} {workspace}' to measure the best on fresh rounds"
            : null;
        return string.Join("; ", new[] { rejected, compare }.OfType<string>()) + ", or name a candidate.";
    }
}
