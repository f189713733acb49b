using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Strategies.Configuration;

namespace Sigil.Optimizers.Strategies;

/// <summary>An optimizer of the catalog: its name, what it does, its default system prompt and its parameters (with defaults).</summary>
public sealed class OptimizerInfo
{
    private readonly Func<OptimizerSettings, IConfiguredOptimizer> _factory;

    /// <summary>An entry creating optimizers with <paramref name="factory"/>.</summary>
    public OptimizerInfo(string name, string summary, MasterPrompt defaultSystemPrompt, IReadOnlyList<OptimizerParameter> parameters,
        Func<OptimizerSettings, IConfiguredOptimizer> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        ArgumentNullException.ThrowIfNull(defaultSystemPrompt);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(factory);
        Name = name;
        Summary = summary;
        DefaultSystemPrompt = defaultSystemPrompt;
        Parameters = parameters;
        _factory = factory;
    }

    /// <summary>The name users type.</summary>
    public string Name { get; }

    /// <summary>One sentence on what it does.</summary>
    public string Summary { get; }

    /// <summary>The system prompt used unless the settings override it.</summary>
    public MasterPrompt DefaultSystemPrompt { get; }

    /// <summary>The parameters it accepts, with defaults and valid ranges.</summary>
    public IReadOnlyList<OptimizerParameter> Parameters { get; }

    /// <summary>A new optimizer with <paramref name="settings"/>.</summary>
    /// <exception cref="OptimizerSettingsException">An unknown parameter or an invalid value.</exception>
    public IConfiguredOptimizer Create(OptimizerSettings? settings = null) => _factory(settings ?? OptimizerSettings.Default);
}
