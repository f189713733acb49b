namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// Which capabilities a candidate's code may use. The default (<see cref="PureComputation"/>) allows none of them:
/// arithmetic, Math, arrays, spans, strings, collections, LINQ, tasks and locks need none. A spec may allow some.
/// </summary>
/// <param name="Allowed">The capabilities the candidate may use; uses of any other are violations.</param>
public sealed record ApiPolicy(ApiCapability Allowed = ApiCapability.None)
{
    /// <summary>Nothing beyond pure computation: the default for every candidate.</summary>
    public static ApiPolicy PureComputation { get; } = new();

    /// <summary>Whether <paramref name="capability"/> is allowed.</summary>
    public bool Allows(ApiCapability capability) => (Allowed & capability) == capability;

    /// <summary>This policy with <paramref name="capabilities"/> allowed as well.</summary>
    public ApiPolicy Allow(ApiCapability capabilities) => this with { Allowed = Allowed | capabilities };
}
