using Sigil.Optimizers.Strategies;

namespace Sigil.Runs.Trials;

/// <summary>The programs of one pin's run by id (the baseline included), and the best feasible one.</summary>
internal sealed class ProgramTable
{
    private readonly Dictionary<string, ProgramState> _byId = new(StringComparer.Ordinal);

    public ProgramTable(ProgramState baseline)
    {
        Baseline = baseline;
        Best = baseline;
        _byId[baseline.Program.Id] = baseline;
    }

    public ProgramState Baseline { get; }

    /// <summary>The feasible program with the highest fitness (the baseline until one beats it).</summary>
    public ProgramState Best { get; private set; }

    public int Count => _byId.Count;

    public ProgramState Get(SearchProgram? program)
    {
        if (program is null)
        {
            return Baseline;
        }
        return _byId.TryGetValue(program.Id, out var state)
            ? state
            : throw new ArgumentException($"The program {program.Id} is not one of this run's; strategies may only build on programs the run returned.", nameof(program));
    }

    public ProgramState? Find(string id) => _byId.GetValueOrDefault(id);

    public void Add(ProgramState state)
    {
        _byId.TryAdd(state.Program.Id, state);
        if (state.Program.Feasible && state.Program.Fitness > Best.Program.Fitness)
        {
            Best = state;
        }
    }
}
