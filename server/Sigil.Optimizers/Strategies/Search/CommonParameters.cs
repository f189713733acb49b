using Sigil.Optimizers.Strategies.Configuration;

namespace Sigil.Optimizers.Strategies.Search;

/// <summary>Parameters several optimizers share.</summary>
internal static class CommonParameters
{
    /// <summary><c>stale-limit</c>: stop after this many trials in a row produced nothing new (0: never). Default 25.</summary>
    public static OptimizerParameter StaleLimit { get; } = OptimizerParameter.Integer("stale-limit", 25, 0, 100_000,
        "Stop after this many trials in a row produced nothing new (duplicates, rejected answers, out of budget); 0 never stops for that.");
}
