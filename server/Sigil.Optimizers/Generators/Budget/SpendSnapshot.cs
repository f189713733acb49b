namespace Sigil.Optimizers.Generators.Budget;

/// <summary>A consistent view of a <see cref="SpendTracker"/>.</summary>
/// <param name="Tokens">Tokens spent (committed).</param>
/// <param name="Usd">Dollars spent (committed; unknown-price models count 0).</param>
/// <param name="ReservedTokens">Tokens held by requests in flight.</param>
/// <param name="ReservedUsd">Dollars held by requests in flight.</param>
/// <param name="Requests">Requests admitted.</param>
/// <param name="Refused">Requests refused because they would exceed a cap.</param>
/// <param name="UnknownCostRequests">Committed requests whose model had no price.</param>
public sealed record SpendSnapshot(long Tokens, decimal Usd, long ReservedTokens, decimal ReservedUsd, int Requests, int Refused, int UnknownCostRequests);
