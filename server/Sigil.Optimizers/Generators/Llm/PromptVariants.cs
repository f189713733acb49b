using System.Collections.Immutable;

namespace Sigil.Optimizers.Generators.Llm;

/// <summary>
/// The LLM generator's operators: named instructions added to the user message (a request's
/// <see cref="GenerationRequest.Operator"/> picks one; <see cref="DefaultName"/> when it names none). A bandit can
/// choose among them; each is stored with the proposals it made.
/// </summary>
public sealed class PromptVariants
{
    private readonly ImmutableSortedDictionary<string, string> _instructions;

    /// <summary>Variants by name (ordinal); <paramref name="defaultName"/> must be one of them.</summary>
    public PromptVariants(IEnumerable<KeyValuePair<string, string>> instructions, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        _instructions = instructions.ToImmutableSortedDictionary(StringComparer.Ordinal);
        if (!_instructions.ContainsKey(defaultName))
        {
            throw new ArgumentException($"The default variant '{defaultName}' is not among the variants ({string.Join(", ", Names)}).", nameof(defaultName));
        }
        DefaultName = defaultName;
    }

    /// <summary>The variant used when a request names none.</summary>
    public string DefaultName { get; }

    /// <summary>The variant names, sorted.</summary>
    public IEnumerable<string> Names => _instructions.Keys;

    /// <summary>The instruction of <paramref name="name"/>; throws <see cref="ArgumentException"/> naming the known ones when unknown.</summary>
    public string Instruction(string name) => _instructions.TryGetValue(name, out var text)
        ? text
        : throw new ArgumentException($"Unknown prompt variant '{name}'; known variants: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>True when <paramref name="name"/> is a variant.</summary>
    public bool Contains(string name) => _instructions.ContainsKey(name);

    /// <summary>Sigil's variants: optimize (default), micro, algorithm, allocations, fix, evolve.</summary>
    public static PromptVariants Default { get; } = new(new Dictionary<string, string>
    {
        ["optimize"] = "Make the method faster without changing its results.",
        ["micro"] = "Apply micro-optimizations: replace LINQ with loops, hoist invariant work out of loops, avoid bounds checks and repeated calls, use spans. Keep the algorithm.",
        ["algorithm"] = "Look for a better algorithm or a better data structure for the inputs shown, not just local tweaks.",
        ["allocations"] = "Remove allocations: no LINQ, no closures, no temporary collections or strings where they can be avoided; preallocate what must be allocated.",
        ["fix"] = "Earlier attempts failed: fix the problems their messages describe, and keep the good ideas.",
        ["evolve"] = "Combine the best ideas of the parent and the other candidates shown into one better version.",
    }, "optimize");
}
