using Sigil.Candidates.Syntax;
using Sigil.Core.Diff;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Handlers.Candidates;

/// <summary>
/// A candidate's full source files: its chain of diffs (root first) applied to the project's current files, and the
/// pin's declaration in both, found as runs find pins (<see cref="PinMethods"/>).
/// </summary>
internal static class CandidateSources
{
    /// <summary>The file holding the pin, its baseline and candidate texts and declarations, or a warning saying why not.</summary>
    public static (string? File, string? BaselineText, string? CandidateText, string? BaselinePin, string? CandidatePin, string? Warning) Rebuild(
        IWorkspaceStore store, CandidateRecord candidate, string sourceRoot)
    {
        var chain = new List<CandidateRecord>();
        for (var current = candidate; current is not null; current = current.Parent is { } parent ? store.GetCandidate(parent) : null)
        {
            chain.Add(current);
            if (current.Parent is { } missing && store.GetCandidate(missing) is null)
            {
                return (null, null, null, null, null, $"{candidate.Id} builds on {missing}, which is not in the workspace; import the workspace it was made in.");
            }
        }
        chain.Reverse();
        var files = chain.SelectMany(r => ChangedFiles(r.Diff)).Distinct(StringComparer.Ordinal).ToList();
        var baseline = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = Path.Combine(sourceRoot, file);
            if (File.Exists(path))
            {
                baseline[file] = File.ReadAllText(path);
            }
        }
        IReadOnlyDictionary<string, string> sources = baseline;
        try
        {
            foreach (var record in chain)
            {
                sources = UnifiedPatch.ApplyAll(sources, record.Diff);
            }
        }
        catch (InvalidDataException e)
        {
            return (files.FirstOrDefault(), null, null, null, null,
                $"The candidate no longer applies to the project's files ({e.Message}): they were edited since it was made. The diff is still shown.");
        }
        var qualifiedName = candidate.FunctionId.QualifiedName;
        var pinFile = files.FirstOrDefault(f => sources.TryGetValue(f, out var text) && PinMethods.FindDeclarations(text, qualifiedName).Count > 0) ?? files.FirstOrDefault();
        if (pinFile is null || !baseline.TryGetValue(pinFile, out var before) || !sources.TryGetValue(pinFile, out var after))
        {
            return (pinFile, null, null, null, null, "The candidate's diff names no file of the project.");
        }
        return (pinFile, before, after, PinMethods.FindDeclarations(before, qualifiedName).FirstOrDefault(),
            PinMethods.FindDeclarations(after, qualifiedName).FirstOrDefault(), null);
    }

    private static IEnumerable<string> ChangedFiles(string diff)
    {
        var lines = diff.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i].StartsWith("--- ", StringComparison.Ordinal) && lines[i + 1].StartsWith("+++ b/", StringComparison.Ordinal))
            {
                yield return lines[i + 1]["+++ b/".Length..].TrimEnd();
            }
        }
    }
}
