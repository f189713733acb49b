using Sigil.Optimizers.Generators;

namespace Sigil.Optimizers.Strategies.AlphaEvolve;

/// <summary>
/// AlphaEvolve's program database: K islands, each a MAP-Elites grid over <see cref="ProgramFeatures"/>, all seeded
/// with the baseline. Islands evolve apart; <see cref="Migrate"/> copies each island's best elite to the next island
/// of the ring (0 → 1 → … → K−1 → 0). Only feasible programs become elites.
/// </summary>
internal sealed class ProgramDatabase
{
    private readonly Island[] _islands;
    private readonly SearchProgram _baseline;
    private readonly int _baselineTokens;
    private readonly Dictionary<string, FeatureCell> _cells = new(StringComparer.Ordinal);

    public ProgramDatabase(SearchProgram baseline, int islands)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentOutOfRangeException.ThrowIfLessThan(islands, 1);
        _baseline = baseline;
        _baselineTokens = ProgramFeatures.Tokens(baseline.MethodSource);
        _islands = Enumerable.Range(0, islands).Select(i => new Island(i)).ToArray();
        foreach (var island in _islands)
        {
            island.Offer(baseline, CellOf(baseline));
        }
    }

    /// <summary>The islands.</summary>
    public IReadOnlyList<Island> Islands => _islands;

    /// <summary>Migrations done.</summary>
    public int Migrations { get; private set; }

    /// <summary>Elites that moved to another island through migration.</summary>
    public int Migrants { get; private set; }

    /// <summary>The cell of <paramref name="program"/> (computed once per program).</summary>
    public FeatureCell CellOf(SearchProgram program)
    {
        if (!_cells.TryGetValue(program.Id, out var cell))
        {
            cell = ProgramFeatures.Describe(program.MethodSource, _baselineTokens);
            _cells[program.Id] = cell;
        }
        return cell;
    }

    /// <summary>Offers <paramref name="program"/> to island <paramref name="island"/>; true when it became an elite there.</summary>
    public bool Offer(int island, SearchProgram program) => _islands[island].Offer(program, CellOf(program));

    /// <summary>Copies each island's best elite to the next island of the ring (from a snapshot: migrants do not travel twice); returns how many were taken.</summary>
    public int Migrate()
    {
        Migrations++;
        if (_islands.Length == 1)
        {
            return 0;
        }
        var bests = _islands.Select(i => i.Best).ToArray();
        var taken = 0;
        for (var i = 0; i < _islands.Length; i++)
        {
            if (bests[i] is { } best && Offer((i + 1) % _islands.Length, best))
            {
                taken++;
            }
        }
        Migrants += taken;
        return taken;
    }

    /// <summary>
    /// A parent from island <paramref name="island"/>: its best elite with probability <paramref name="exploitRate"/>
    /// (exploit), else the elite of a uniformly drawn occupied cell (explore); the baseline when the island is empty.
    /// </summary>
    public SearchProgram SampleParent(int island, SeededRandom random, double exploitRate)
    {
        var elites = _islands[island].Elites.Select(e => e.Value).ToList();
        var exploit = random.NextDouble() < exploitRate;
        var pick = random.Next(Math.Max(elites.Count, 1));
        if (elites.Count == 0)
        {
            return _baseline;
        }
        return exploit ? _islands[island].Best! : elites[pick];
    }

    /// <summary>
    /// Up to <paramref name="count"/> inspirations from island <paramref name="island"/>, never the parent or the
    /// baseline (the generator sees both anyway): the fittest half first (top programs), then elites of other cells
    /// drawn at random (diversity).
    /// </summary>
    public IReadOnlyList<SearchProgram> SampleInspirations(int island, SearchProgram parent, int count, SeededRandom random)
    {
        var pool = _islands[island].Elites.Select(e => e.Value).Where(p => p.Id != parent.Id && !p.IsBaseline).ToList();
        var top = pool.OrderByDescending(p => p.Fitness).ThenBy(p => p.Id, StringComparer.Ordinal).Take((count + 1) / 2).ToList();
        var chosen = top.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var diverse = random.Shuffle(pool.Where(p => !chosen.Contains(p.Id))).Take(count - top.Count);
        return [.. top, .. diverse];
    }
}
