using Sigil.LanguageServer.State;
using Sigil.Runs.Inspection;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// The stored rows of the pins the lenses show (<see cref="SolutionsReport"/>, as <c>sigil inspect-solutions</c> builds
/// them), read per pin when first needed and kept until the store's files change (size or time of <c>workspace.db</c>
/// and its log: <see cref="StoreStamp"/>) or <see cref="Invalidate"/> is called, so lenses do not open the store on
/// every request. The store answers evaluations one candidate at a time, so reading every candidate's rows costs time
/// in proportion to the whole store (seconds for a thousand candidates in a fresh process); a document's lenses read
/// only its own pins' (<see cref="SolutionsReport.Rows"/> over the pin's candidates). The candidates of every spec (one query per spec) are read
/// once per version of the store. A project without a store has no rows (the store is never created here).
/// </summary>
internal sealed class SolutionsCache
{
    private static readonly IReadOnlyList<SolutionRow> None = [];

    private readonly Lock _gate = new();
    private readonly Dictionary<PinRowsKey, IReadOnlyList<SolutionRow>> _rows = [];
    private readonly HashSet<PinRowsKey> _wanted = [];
    private Dictionary<string, IReadOnlyList<CandidateRecord>>? _candidates;
    private string? _stamp;

    /// <summary>Forgets the rows: the next call reads the store.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _stamp = null;
        }
    }

    /// <summary>The rows of each of <paramref name="pins"/>.</summary>
    public IReadOnlyDictionary<PinRowsKey, IReadOnlyList<SolutionRow>> Rows(ProjectContext project, IEnumerable<PinRowsKey> pins)
    {
        var keys = pins.Distinct().ToList();
        var stamp = StoreStamp.Store(project.SigilDirectory);
        lock (_gate)
        {
            if (stamp is null)
            {
                return keys.ToDictionary(k => k, _ => None);
            }
            Read(project.SigilDirectory, stamp, keys);
            return keys.ToDictionary(k => k, k => _rows[k]);
        }
    }

    /// <summary>
    /// Reads what a lens request would: the candidates and, again when the store changed, the rows of every pin the
    /// lenses have asked for so far (<see cref="LensRefresher.WarmAsync"/> calls it off the request path).
    /// </summary>
    public void Warm(ProjectContext project)
    {
        var stamp = StoreStamp.Store(project.SigilDirectory);
        if (stamp is null)
        {
            return;
        }
        lock (_gate)
        {
            Read(project.SigilDirectory, stamp, [.. _wanted]);
        }
    }

    /// <summary>Under the lock: makes the cache hold the candidates and the rows of <paramref name="keys"/> as of <paramref name="stamp"/>.</summary>
    private void Read(string sigilDirectory, string stamp, IReadOnlyList<PinRowsKey> keys)
    {
        if (stamp != _stamp)
        {
            _rows.Clear();
            _candidates = null;
        }
        var missing = keys.Where(k => !_rows.ContainsKey(k)).ToList();
        if (_candidates is not null && missing.Count == 0)
        {
            return;
        }
        using var store = LiteDbWorkspaceStore.Open(sigilDirectory);
        _candidates ??= Candidates(store);
        foreach (var key in missing)
        {
            _rows[key] = PinRows(store, _candidates, key);
            _wanted.Add(key);
        }
        // Set last: after a failure the next call starts over. A change made while reading gives the next call another
        // stamp, so it reads again.
        _stamp = stamp;
    }

    /// <summary>The candidates of every spec that has some, by spec (in spec order).</summary>
    private static Dictionary<string, IReadOnlyList<CandidateRecord>> Candidates(IWorkspaceStore store)
    {
        var candidates = new Dictionary<string, IReadOnlyList<CandidateRecord>>(StringComparer.Ordinal);
        foreach (var spec in store.ListWorkspaces().Where(w => w.CandidateCount > 0).Select(w => w.Spec).Distinct(StringComparer.Ordinal))
        {
            candidates[spec] = store.ListCandidates(spec);
        }
        return candidates;
    }

    /// <summary>The rows of one pin: its spec's (every spec's when it is not a literal) for the functions it names.</summary>
    private static IReadOnlyList<SolutionRow> PinRows(IWorkspaceStore store, Dictionary<string, IReadOnlyList<CandidateRecord>> candidates, PinRowsKey key)
    {
        var rows = new List<SolutionRow>();
        foreach (var (spec, all) in candidates)
        {
            if (key.Spec is not null && key.Spec != spec)
            {
                continue;
            }
            var pin = all.Where(c => c.FunctionId.QualifiedName.StartsWith(key.NamePrefix, StringComparison.Ordinal)).ToList();
            if (pin.Count > 0)
            {
                rows.AddRange(SolutionsReport.Rows(store, pin, top: 0));
            }
        }
        return rows;
    }
}
