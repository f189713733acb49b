using Sigil.LanguageServer.State;
using Sigil.Runs.Inspection;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// Every spec's <see cref="SolutionsReport"/> rows over the project's workspace store, kept until the store's files
/// change (size or time of <c>workspace.db</c> and its log: <see cref="StoreStamp"/>) or <see cref="Invalidate"/> is called, so lenses do not
/// open the store on every request. A project without a store has no rows (the store is never created here).
/// </summary>
internal sealed class SolutionsCache
{
    private readonly Lock _gate = new();
    private string? _stamp;
    private IReadOnlyDictionary<string, IReadOnlyList<SolutionRow>> _rows = new Dictionary<string, IReadOnlyList<SolutionRow>>();

    /// <summary>Forgets the rows: the next call reads the store.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _stamp = null;
        }
    }

    /// <summary>The rows of every spec, by spec.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SolutionRow>> Rows(ProjectContext project)
    {
        var stamp = StoreStamp.Store(project.SigilDirectory);
        lock (_gate)
        {
            if (stamp is null)
            {
                return new Dictionary<string, IReadOnlyList<SolutionRow>>();
            }
            if (stamp != _stamp)
            {
                _rows = Read(project.SigilDirectory);
                _stamp = stamp;
            }
            return _rows;
        }
    }

    private static Dictionary<string, IReadOnlyList<SolutionRow>> Read(string sigilDirectory)
    {
        using var store = LiteDbWorkspaceStore.Open(sigilDirectory);
        var rows = new Dictionary<string, IReadOnlyList<SolutionRow>>(StringComparer.Ordinal);
        foreach (var spec in store.ListWorkspaces().Where(w => w.CandidateCount > 0).Select(w => w.Spec).Distinct(StringComparer.Ordinal))
        {
            rows[spec] = SolutionsReport.Build(store, spec, null, 0);
        }
        return rows;
    }
}
