using Sigil.Core.Diff;
using Sigil.Trust.Errors;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Trust.Sources;

/// <summary>
/// A stored candidate with its ancestors, root first: applying their diffs in order to the baseline rebuilds the
/// candidate's full source files exactly (<see cref="UnifiedPatch"/> is strict), or fails.
/// </summary>
internal sealed class CandidateChain
{
    private CandidateChain(IReadOnlyList<CandidateRecord> records) => Records = records;

    /// <summary>Root first, the candidate last.</summary>
    public IReadOnlyList<CandidateRecord> Records { get; }

    /// <summary>The candidate itself.</summary>
    public CandidateRecord Candidate => Records[^1];

    /// <summary>The chain of <paramref name="candidate"/> in <paramref name="store"/>.</summary>
    public static CandidateChain Of(IWorkspaceStore store, CandidateRecord candidate)
    {
        var records = new List<CandidateRecord>();
        for (var current = candidate; current is not null;)
        {
            records.Add(current);
            if (current.Parent is not { } parent)
            {
                break;
            }
            current = store.GetCandidate(parent) ?? throw new TrustException(TrustErrorCodes.CandidateDoesNotApply,
                $"{candidate.Id} builds on {parent}, which is not in {store.Location}; import the workspace the manifest was made from ('sigil workspace import').");
        }
        records.Reverse();
        return new CandidateChain(records);
    }

    /// <summary>The files the chain's diffs change (paths relative to the source root), sorted.</summary>
    public IReadOnlyList<string> ChangedFiles()
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var record in Records)
        {
            var lines = record.Diff.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i + 1 < lines.Length; i++)
            {
                if (lines[i].StartsWith("--- a/", StringComparison.Ordinal) && lines[i + 1].StartsWith("+++ b/", StringComparison.Ordinal))
                {
                    files.Add(lines[i + 1]["+++ b/".Length..]);
                }
            }
        }
        return [.. files];
    }

    /// <summary>The candidate's texts of the changed files: the chain's diffs applied in order to <paramref name="baseline"/>.</summary>
    /// <exception cref="TrustException">A diff does not apply (<see cref="TrustErrorCodes.CandidateDoesNotApply"/>).</exception>
    public IReadOnlyDictionary<string, string> Apply(IReadOnlyDictionary<string, string> baseline, string baselineName)
    {
        var sources = baseline;
        foreach (var record in Records)
        {
            try
            {
                sources = UnifiedPatch.ApplyAll(sources, record.Diff);
            }
            catch (InvalidDataException e)
            {
                throw new TrustException(TrustErrorCodes.CandidateDoesNotApply,
                    $"{Candidate.FunctionId.QualifiedName}: candidate {record.Id} does not apply to {baselineName} ({e.Message}); the sources it was made from differ. Publish from the commit the candidates were made on, or run and promote again.", e);
            }
        }
        return sources;
    }
}
