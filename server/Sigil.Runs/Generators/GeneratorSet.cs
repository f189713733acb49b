using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Budget;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Generators.Rules;
using Sigil.Optimizers.Strategies;

namespace Sigil.Runs.Generators;

/// <summary>
/// The generators of a run and their arms: with an LLM configured, one arm per prompt variant of its model (first),
/// then, unless turned off, one arm per rewrite rule; without one, the rule arms only. One spend tracker caps the run.
/// </summary>
public sealed class GeneratorSet : IDisposable
{
    private readonly LlmGenerator? _llm;
    private readonly RuleGenerator _rules = new();

    /// <summary>Builds the set.</summary>
    /// <param name="llm">The LLM's options, or <c>null</c> for rules only.</param>
    /// <param name="includeRules">Add the rule arms when an LLM is configured.</param>
    /// <param name="spend">The run's spend tracker (caps and what was spent before a resume).</param>
    public GeneratorSet(LlmGeneratorOptions? llm, bool includeRules, SpendTracker spend)
    {
        Spend = spend ?? throw new ArgumentNullException(nameof(spend));
        var arms = new List<GeneratorArm>();
        if (llm is not null)
        {
            _llm = new LlmGenerator(llm, spend);
            arms.AddRange(llm.Variants.Names.Select(variant => new GeneratorArm(LlmGenerator.KindName, llm.Model, variant)));
        }
        if (llm is null || includeRules)
        {
            arms.AddRange(_rules.OperatorNames.Select(name => new GeneratorArm(RuleGenerator.KindName, null, name)));
        }
        Arms = arms;
    }

    /// <summary>The arms, LLM first.</summary>
    public IReadOnlyList<GeneratorArm> Arms { get; }

    /// <summary>The run's spend.</summary>
    public SpendTracker Spend { get; }

    /// <summary>True when an LLM is configured.</summary>
    public bool HasLlm => _llm is not null;

    /// <summary>True when the token or USD cap is reached (nothing more can be reserved).</summary>
    public bool BudgetExhausted
    {
        get
        {
            var limits = Spend.Limits;
            var now = Spend.Snapshot();
            return (limits.MaxTokens is { } tokens && now.Tokens + now.ReservedTokens >= tokens)
                || (limits.MaxUsd is { } usd && now.Usd + now.ReservedUsd >= usd);
        }
    }

    /// <summary>Whether asking this arm costs tokens (LLM arms do, rule arms do not).</summary>
    public static bool Costs(GeneratorArm arm) => arm.Generator == LlmGenerator.KindName;

    /// <summary>The generator behind an arm.</summary>
    /// <exception cref="ArgumentException">The arm is not one of <see cref="Arms"/>'s generators.</exception>
    public ICandidateGenerator For(GeneratorArm arm) => arm.Generator switch
    {
        LlmGenerator.KindName when _llm is not null => _llm,
        RuleGenerator.KindName => _rules,
        _ => throw new ArgumentException($"No generator '{arm.Generator}' in this run; its arms are {string.Join(", ", Arms)}.", nameof(arm)),
    };

    /// <inheritdoc />
    public void Dispose() => _llm?.Dispose();
}
