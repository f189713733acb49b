namespace Sigil.Optimizers.Generators.Budget;

/// <summary>
/// Budget held for one request in flight: the most it may cost. <see cref="Commit"/> records what it actually cost and
/// releases the rest; disposing without committing releases everything (nothing was spent). Idempotent.
/// </summary>
public sealed class SpendReservation : IDisposable
{
    private readonly SpendTracker _tracker;
    private int _settled;

    internal SpendReservation(SpendTracker tracker, long tokens, decimal usd)
    {
        _tracker = tracker;
        Tokens = tokens;
        Usd = usd;
    }

    /// <summary>The tokens held.</summary>
    public long Tokens { get; }

    /// <summary>The dollars held.</summary>
    public decimal Usd { get; }

    /// <summary>Records the actual spend (it may exceed the estimate) and releases the hold.</summary>
    public void Commit(long tokens, decimal usd, bool costKnown)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ArgumentOutOfRangeException.ThrowIfNegative(usd);
        if (Interlocked.Exchange(ref _settled, 1) == 0)
        {
            _tracker.Settle(this, tokens, usd, costKnown);
        }
    }

    /// <summary>Releases the hold without spending, unless already committed.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _settled, 1) == 0)
        {
            _tracker.Release(this);
        }
    }
}
