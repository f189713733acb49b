using System.Globalization;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Strategies.Search;

namespace Sigil.Optimizers.Strategies.Mads;

/// <summary>One run of <see cref="MadsOptimizer"/>: the incumbent, the poll size, the points tried, the poll and search steps.</summary>
internal sealed class MadsSearch
{
    private readonly MadsOptimizer _options;
    private readonly LiteralSpace _space;
    private readonly SearchSession _session;
    private readonly SeededRandom _random;
    private readonly Dictionary<string, double> _tried = new(StringComparer.Ordinal);
    private SearchProgram _incumbent;
    private double[] _x;
    private double _value;
    private double _step;
    private (int Coordinate, int Sign)? _lastSuccess;
    private int _iteration;
    private int _llmCursor;

    public MadsSearch(MadsOptimizer options, LiteralSpace space, SearchSession session, SeededRandom random)
    {
        _options = options;
        _space = space;
        _session = session;
        _random = random;
        _incumbent = session.Context.Baseline;
        _x = [.. space.Initial];
        _value = ValueOf(_incumbent);
        _step = options.InitialStep;
        _tried[space.Key(_x)] = _value;
    }

    private enum PollResult
    {
        Success,
        Failure,
        OutOfIterations,
    }

    public async Task<OptimizerStop> RunAsync(CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_session.CheckStop(needsArm: false) is { } stop)
            {
                return stop;
            }
            _iteration++;
            var success = _options.SearchEvery > 0 && _iteration % _options.SearchEvery == 0 && await SearchAsync(ct).ConfigureAwait(false);
            if (!success)
            {
                var poll = await PollAsync(ct).ConfigureAwait(false);
                if (poll == PollResult.OutOfIterations)
                {
                    return _session.CheckStop(needsArm: false) ?? _session.Stop(StopReason.IterationsUsed, "Every iteration of the run was used.");
                }
                success = poll == PollResult.Success;
            }
            if (success)
            {
                _step = Math.Min(_step * 2, _options.InitialStep);
                continue;
            }
            _step /= 2;
            if (Converged())
            {
                return _session.Stop(StopReason.Converged, string.Create(CultureInfo.InvariantCulture,
                    $"The mesh is below its minimum size (poll size {_step:G4}) after {_iteration} iterations: no literal step improves on {_space.Key(_x)}."));
            }
        }
    }

    private async Task<PollResult> PollAsync(CancellationToken ct)
    {
        foreach (var (j, sign) in Directions())
        {
            var point = (double[])_x.Clone();
            var scale = _space.Scale(j);
            var move = _space.Literals[j].IsInteger ? Math.Max(1, Math.Round(_step * scale, MidpointRounding.AwayFromZero)) : _step * scale;
            point[j] = _space.Snap(j, _x[j] + sign * move);
            if (!_space.InBounds(j, point[j]))
            {
                continue;
            }
            var key = _space.Key(point);
            if (_tried.ContainsKey(key))
            {
                continue;
            }
            if (_session.Context.IterationsLeft <= 0)
            {
                return PollResult.OutOfIterations;
            }
            var label = string.Create(CultureInfo.InvariantCulture,
                $"mads it={_iteration} poll step={_step:G4} literal={_space.Literals[j].Index}{(sign > 0 ? '+' : '-')}");
            var outcome = await _session.TryAsync(new TrialRequest
            {
                Parent = SearchSession.ParentOf(_incumbent),
                Answer = Answer(point, j, label),
                Label = label,
            }, ct).ConfigureAwait(false);
            var value = outcome.Status is TrialStatus.Evaluated or TrialStatus.Duplicate && outcome.Program is { } program ? ValueOf(program) : double.NegativeInfinity;
            _tried[key] = value;
            if (value > _value)
            {
                _incumbent = outcome.Program!;
                _x = point;
                _value = value;
                _lastSuccess = (j, sign);
                return PollResult.Success;
            }
        }
        return PollResult.Failure;
    }

    private async Task<bool> SearchAsync(CancellationToken ct)
    {
        var arms = _session.UsableArms().Where(ArmCosts.IsCostly).ToList();
        if (arms.Count == 0)
        {
            return false;
        }
        var arm = arms[_llmCursor++ % arms.Count];
        var outcome = await _session.TryAsync(new TrialRequest
        {
            Parent = SearchSession.ParentOf(_incumbent),
            Arm = arm,
            Label = string.Create(CultureInfo.InvariantCulture, $"mads it={_iteration} search"),
        }, ct).ConfigureAwait(false);
        if (outcome.Status is not (TrialStatus.Evaluated or TrialStatus.Duplicate) || outcome.Program is not { } program || _space.TryRead(program.MethodSource) is not { } point)
        {
            return false;
        }
        var value = ValueOf(program);
        _tried[_space.Key(point)] = value;
        if (value <= _value)
        {
            return false;
        }
        _incumbent = program;
        _x = point;
        _value = value;
        return true;
    }

    /// <summary>The poll directions ±e_j: the last successful one first, the others in a fresh seeded order.</summary>
    private List<(int Coordinate, int Sign)> Directions()
    {
        var all = Enumerable.Range(0, _space.Dimension).SelectMany(j => new[] { (j, 1), (j, -1) }).ToList();
        var ordered = _random.Shuffle(all);
        if (_lastSuccess is { } last)
        {
            ordered.Remove(last);
            ordered.Insert(0, last);
        }
        return ordered;
    }

    /// <summary>True when every float coordinate's poll size is below the minimum and every integer coordinate already failed with a step of 1.</summary>
    private bool Converged() => Enumerable.Range(0, _space.Dimension).All(j =>
        _space.Literals[j].IsInteger ? _step * _space.Scale(j) < 0.5 : _step < _options.MinStep);

    private string Answer(double[] point, int j, string label)
    {
        var method = _space.Render(point);
        var fence = new string('`', Math.Max(3, LongestRun(method, '`') + 1));
        return $"MADS ({label}): literal {_space.Literals[j].Index} `{_space.TextOf(_x, j)}` -> `{_space.TextOf(point, j)}`.\n\n{fence}csharp\n{method.TrimEnd('\n')}\n{fence}\n";
    }

    private static double ValueOf(SearchProgram program) =>
        program.Feasible && double.IsFinite(program.Fitness) ? program.Fitness : double.NegativeInfinity;

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
