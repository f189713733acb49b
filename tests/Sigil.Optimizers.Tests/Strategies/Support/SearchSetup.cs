using Sigil.Testing.ChatServer;
using Sigil.Optimizers.Generators.Budget;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Strategies;

namespace Sigil.Optimizers.Tests.Strategies.Support;

/// <summary>What a <see cref="TestSearchContext"/> runs on.</summary>
internal sealed record SearchSetup
{
    /// <summary>The source file holding the pin.</summary>
    public required string FileText { get; init; }

    /// <summary>The pinned method's name (the only method so named in the file).</summary>
    public required string MethodName { get; init; }

    /// <summary>The file's path among the sources.</summary>
    public string FilePath { get; init; } = "Sample.cs";

    /// <summary>The arms; never empty.</summary>
    public required IReadOnlyList<GeneratorArm> Arms { get; init; }

    /// <summary>The run's iterations.</summary>
    public int Iterations { get; init; } = 20;

    /// <summary>The run's seed.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The LLM endpoint's options (a <see cref="Sigil.Optimizers.Tests.Support.ScriptedChatServer"/>), for LLM arms.</summary>
    public LlmGeneratorOptions? Llm { get; init; }

    /// <summary>The run's token and USD caps, enforced by the real <see cref="SpendTracker"/> the LLM generators share.</summary>
    public SpendLimits Limits { get; init; } = SpendLimits.Unlimited;

    /// <summary>When set, the budget counts as spent after this many LLM trials (a scripted budget).</summary>
    public int? BudgetForLlmTrials { get; init; }

    /// <summary>The fitness model; <c>null</c> for a <see cref="CostModel"/> of the baseline.</summary>
    public IFitnessModel? Fitness { get; init; }
}
