using System.Collections.Immutable;
using System.Globalization;
using Sigil.Optimizers.Generators.Llm;

namespace Sigil.Optimizers.Strategies.Configuration;

/// <summary>
/// An optimizer's master configuration as a run uses it: its name, the system prompt to give the LLM generator
/// (the optimizer's own or the user's override) and every parameter's effective value (defaults filled in), to be
/// stored with the run's provenance.
/// </summary>
/// <param name="Name">The optimizer's name.</param>
/// <param name="SystemPrompt">The master prompt for <see cref="LlmGeneratorOptions.MasterPrompt"/>.</param>
/// <param name="Parameters">Every parameter's effective value as invariant text, sorted by name.</param>
public sealed record OptimizerConfiguration(string Name, MasterPrompt SystemPrompt, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>One line: the name, the prompt id and <c>name=value</c> pairs (<c>annealing prompt=sigil.codeopt.annealing@1 cooling=…</c>).</summary>
    public string Summary => $"{Name} prompt={SystemPrompt.Id}" + string.Concat(Parameters.Select(p => $" {p.Key}={p.Value}"));

    /// <summary>
    /// Checks <paramref name="settings"/> against <paramref name="parameters"/> and resolves them: a system prompt
    /// override becomes <c>{default name}.custom@1</c> (its exact text is identified by the prompt digest every
    /// proposal stores); every value is normalized to invariant text.
    /// </summary>
    /// <exception cref="OptimizerSettingsException">An unknown parameter or an invalid value.</exception>
    public static OptimizerConfiguration Resolve(
        string name, MasterPrompt defaultPrompt, IReadOnlyList<OptimizerParameter> parameters, OptimizerSettings? settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(defaultPrompt);
        ArgumentNullException.ThrowIfNull(parameters);
        settings ??= OptimizerSettings.Default;
        settings.Validate(name, parameters);
        var prompt = settings.SystemPrompt is { } text ? new MasterPrompt(defaultPrompt.Name + ".custom", 1, text) : defaultPrompt;
        var values = parameters.ToImmutableSortedDictionary(p => p.Name, p => p.Kind switch
        {
            ParameterKind.Integer => settings.GetInt32(p).ToString(CultureInfo.InvariantCulture),
            ParameterKind.Number => settings.GetDouble(p).ToString("R", CultureInfo.InvariantCulture),
            ParameterKind.Boolean => settings.GetBoolean(p) ? "true" : "false",
            _ => settings.GetString(p),
        }, StringComparer.Ordinal);
        return new OptimizerConfiguration(name, prompt, values);
    }
}
