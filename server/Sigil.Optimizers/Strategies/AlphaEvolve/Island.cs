namespace Sigil.Optimizers.Strategies.AlphaEvolve;

/// <summary>One island of the program database: a MAP-Elites grid holding, per cell, the fittest feasible program found there.</summary>
internal sealed class Island
{
    private readonly SortedDictionary<FeatureCell, SearchProgram> _elites = [];

    /// <summary>The island's number.</summary>
    public int Index { get; }

    public Island(int index) => Index = index;

    /// <summary>The elites, by cell.</summary>
    public IReadOnlyCollection<KeyValuePair<FeatureCell, SearchProgram>> Elites => _elites;

    /// <summary>The fittest elite; <c>null</c> when the island is empty.</summary>
    public SearchProgram? Best => _elites.Values.OrderByDescending(p => p.Fitness).ThenBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>True when <paramref name="program"/> is an elite here.</summary>
    public bool Holds(SearchProgram program) => _elites.Values.Any(p => p.Id == program.Id);

    /// <summary>Puts <paramref name="program"/> in <paramref name="cell"/> when it is feasible and the cell is empty or holds a less fit program.</summary>
    public bool Offer(SearchProgram program, FeatureCell cell)
    {
        if (!program.Feasible || !double.IsFinite(program.Fitness) || Holds(program))
        {
            return false;
        }
        if (_elites.TryGetValue(cell, out var elite) && elite.Fitness >= program.Fitness)
        {
            return false;
        }
        _elites[cell] = program;
        return true;
    }
}
