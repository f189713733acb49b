namespace Sigil.Runs;

/// <summary>What a codeopt run did, per pin, with its spend and the sandbox it ran in.</summary>
/// <param name="Spec">The spec.</param>
/// <param name="Workspace">The workspace the candidates are stored in.</param>
/// <param name="Optimizer">The optimizer and its configuration.</param>
/// <param name="Pins">Per pin.</param>
/// <param name="SpentUsd">USD spent (this session plus what the resumed trials had cost).</param>
/// <param name="SpentTokens">Tokens used.</param>
/// <param name="Isolation">The sandbox's isolation, in words.</param>
/// <param name="MaterializedFolder">Where the best sources were written (<c>.sigil/ws/&lt;spec&gt;/&lt;ws&gt;/</c>), or <c>null</c>.</param>
public sealed record RunResult(
    string Spec,
    string Workspace,
    string Optimizer,
    IReadOnlyList<PinRunResult> Pins,
    decimal SpentUsd,
    long SpentTokens,
    string Isolation,
    string? MaterializedFolder);
