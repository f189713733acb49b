namespace Sigil.Optimizers.Strategies;

/// <summary>
/// One way of asking for a proposal: a generator kind (<c>llm</c>, <c>rules</c>), the model (LLM only) and the
/// operator (a prompt variant or a rewrite rule; <c>null</c> lets the generator choose). Bandits choose among arms.
/// </summary>
public sealed record GeneratorArm(string Generator, string? Model = null, string? Operator = null)
{
    /// <summary>A stable key, <c>generator/model/operator</c> with <c>*</c> for a missing part.</summary>
    public string Key => $"{Generator}/{Model ?? "*"}/{Operator ?? "*"}";

    /// <inheritdoc />
    public override string ToString() => Key;
}
