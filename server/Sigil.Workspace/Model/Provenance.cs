namespace Sigil.Workspace.Model;

/// <summary>
/// How a candidate came to be: the generator that wrote it (kind, model, prompt digest, tokens spent) and the
/// optimizer that asked for it (name and parameters). Immutable; equality compares every field, the parameter map
/// by content.
/// </summary>
public sealed record Provenance
{
    private readonly IReadOnlyDictionary<string, string> _optimizerParameters = ReadOnlyMaps.Empty<string>();

    /// <summary>The kind of generator: for example <c>llm</c>, <c>heuristic</c>, <c>rule</c> or <c>human</c>.</summary>
    public required string GeneratorKind { get; init; }

    /// <summary>The model that generated the candidate (for example <c>gpt-5</c>), when the generator is a model.</summary>
    public string? Model { get; init; }

    /// <summary>A digest of the exact prompt sent to the generator (for example <c>b3:&lt;hex&gt;</c>), when there was one.</summary>
    public string? PromptDigest { get; init; }

    /// <summary>Tokens spent generating the candidate (prompt plus completion), when known.</summary>
    public long? Tokens { get; init; }

    /// <summary>The optimizer that requested the candidate (for example <c>alphaevolve</c>), when there was one.</summary>
    public string? Optimizer { get; init; }

    /// <summary>
    /// The optimizer's parameters, name to value (a structured value is stored as its JSON text). Copied and sorted
    /// by ordinal key on assignment, so later changes to the caller's dictionary do not show through.
    /// </summary>
    public IReadOnlyDictionary<string, string> OptimizerParameters
    {
        get => _optimizerParameters;
        init => _optimizerParameters = ReadOnlyMaps.Freeze(value, nameof(OptimizerParameters));
    }

    /// <inheritdoc />
    public bool Equals(Provenance? other) =>
        other is not null
        && GeneratorKind == other.GeneratorKind
        && Model == other.Model
        && PromptDigest == other.PromptDigest
        && Tokens == other.Tokens
        && Optimizer == other.Optimizer
        && ReadOnlyMaps.ContentEquals(OptimizerParameters, other.OptimizerParameters);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(GeneratorKind, Model, PromptDigest, Tokens, Optimizer, OptimizerParameters.Count);
}
