using System.Collections.Immutable;

namespace Sigil.Optimizers.Generators.Budget;

/// <summary>
/// Prices per model name (case-insensitive). A model that is not listed costs 0 and is reported as of unknown cost
/// (<see cref="GenerationUsage.CostKnown"/> false): a USD cap cannot limit it, a token cap still does. Endpoints often
/// add a date or a provider prefix to the name (<c>gpt-4o-2024-08-06</c>, <c>openai/gpt-4o</c>): those match their
/// listed base name when the exact name is not listed.
/// </summary>
public sealed class PriceTable
{
    private readonly ImmutableDictionary<string, ModelPrice> _prices;

    /// <summary>A table with the given prices.</summary>
    public PriceTable(IEnumerable<KeyValuePair<string, ModelPrice>> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _prices = prices.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No prices: every cost is unknown.</summary>
    public static PriceTable Empty { get; } = new([]);

    /// <summary>The listed models.</summary>
    public IEnumerable<string> Models => _prices.Keys;

    /// <summary>The price of <paramref name="model"/>: exact name first, then without a provider prefix, then the longest listed prefix followed by '-'.</summary>
    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }
        if (_prices.TryGetValue(model, out var exact))
        {
            return exact;
        }
        var slash = model.LastIndexOf('/');
        if (slash >= 0 && slash < model.Length - 1)
        {
            return Find(model[(slash + 1)..]);
        }
        return _prices
            .Where(p => model.StartsWith(p.Key + "-", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }
}
