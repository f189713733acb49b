using Sigil.Optimizers.Strategies.AlphaEvolve;
using Sigil.Optimizers.Strategies.Annealing;
using Sigil.Optimizers.Strategies.Bandit;
using Sigil.Optimizers.Strategies.BestOfN;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Strategies.Mads;

namespace Sigil.Optimizers.Strategies;

/// <summary>
/// Sigil's optimizers by name: <c>best-of-n</c>, <c>alphaevolve</c>, <c>annealing</c>, <c>rl</c>, <c>mads</c>. Creates
/// one with its settings (an unknown name or parameter, or an invalid value, is an
/// <see cref="OptimizerSettingsException"/> listing what is valid) and describes each one's parameters and defaults.
/// </summary>
public static class OptimizerCatalog
{
    /// <summary>Every optimizer, in the order above.</summary>
    public static IReadOnlyList<OptimizerInfo> All { get; } =
        [BestOfNOptimizer.Info, AlphaEvolveOptimizer.Info, SimulatedAnnealingOptimizer.Info, BanditOptimizer.Info, MadsOptimizer.Info];

    /// <summary>The names users type.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(o => o.Name)];

    /// <summary>The optimizer named <paramref name="name"/> (ignoring case), or <c>null</c>.</summary>
    public static OptimizerInfo? Find(string? name) =>
        All.FirstOrDefault(o => string.Equals(o.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The optimizer named <paramref name="name"/> (ignoring case).</summary>
    /// <exception cref="OptimizerSettingsException">No optimizer has that name; the message lists the valid names.</exception>
    public static OptimizerInfo Describe(string? name) =>
        Find(name) ?? throw new OptimizerSettingsException(
            $"There is no optimizer '{name}'; the optimizers are {string.Join(", ", Names)}.");

    /// <summary>A new optimizer named <paramref name="name"/> with <paramref name="settings"/> (default: all defaults).</summary>
    /// <exception cref="OptimizerSettingsException">An unknown name or parameter, or an invalid value.</exception>
    public static IConfiguredOptimizer Create(string? name, OptimizerSettings? settings = null) => Describe(name).Create(settings);
}
