using System.Globalization;

namespace Sigil.Optimizers.Generators.Budget;

/// <summary>
/// A run's spend against its <see cref="SpendLimits"/>, shared by every generator of the run and safe to use from
/// several threads. A request first reserves the most it may cost (its prompt estimate plus its completion cap); the
/// reservation is refused when spent + held + asked would pass a cap, so a refused request is never sent and
/// concurrent requests cannot overshoot together. Afterwards the request commits what it really cost.
/// </summary>
public sealed class SpendTracker
{
    private readonly Lock _gate = new();
    private long _tokens;
    private decimal _usd;
    private long _reservedTokens;
    private decimal _reservedUsd;
    private int _requests;
    private int _refused;
    private int _unknownCost;

    /// <summary>A tracker with the given caps.</summary>
    public SpendTracker(SpendLimits? limits = null, long initialTokens = 0, decimal initialUsd = 0m)
    {
        Limits = limits ?? SpendLimits.Unlimited;
        ArgumentOutOfRangeException.ThrowIfNegative(initialTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(initialUsd);
        _tokens = initialTokens;
        _usd = initialUsd;
    }

    /// <summary>The caps.</summary>
    public SpendLimits Limits { get; }

    /// <summary>The current totals.</summary>
    public SpendSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new SpendSnapshot(_tokens, _usd, _reservedTokens, _reservedUsd, _requests, _refused, _unknownCost);
        }
    }

    /// <summary>
    /// Holds <paramref name="tokens"/> and <paramref name="usd"/> for one request, or refuses with a message saying
    /// which cap it would pass.
    /// </summary>
    public bool TryReserve(long tokens, decimal usd, out SpendReservation? reservation, out string? refusal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ArgumentOutOfRangeException.ThrowIfNegative(usd);
        lock (_gate)
        {
            refusal = null;
            if (Limits.MaxTokens is { } maxTokens && _tokens + _reservedTokens + tokens > maxTokens)
            {
                refusal = string.Create(CultureInfo.InvariantCulture,
                    $"The token budget is {maxTokens}: {_tokens} spent, {_reservedTokens} held by requests in flight, and this request may use up to {tokens}.");
            }
            else if (Limits.MaxUsd is { } maxUsd && _usd + _reservedUsd + usd > maxUsd)
            {
                refusal = string.Create(CultureInfo.InvariantCulture,
                    $"The budget is ${maxUsd}: ${_usd:0.######} spent, ${_reservedUsd:0.######} held by requests in flight, and this request may cost up to ${usd:0.######}.");
            }
            if (refusal is not null)
            {
                _refused++;
                reservation = null;
                return false;
            }
            _reservedTokens += tokens;
            _reservedUsd += usd;
            _requests++;
            reservation = new SpendReservation(this, tokens, usd);
            return true;
        }
    }

    internal void Settle(SpendReservation reservation, long tokens, decimal usd, bool costKnown)
    {
        lock (_gate)
        {
            _reservedTokens -= reservation.Tokens;
            _reservedUsd -= reservation.Usd;
            _tokens += tokens;
            _usd += usd;
            if (!costKnown)
            {
                _unknownCost++;
            }
        }
    }

    internal void Release(SpendReservation reservation)
    {
        lock (_gate)
        {
            _reservedTokens -= reservation.Tokens;
            _reservedUsd -= reservation.Usd;
        }
    }
}
