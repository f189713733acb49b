using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>A policy bound on one metric: every pin's value of the metric must satisfy <c>value Op Value</c>.</summary>
/// <param name="Op">One of <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>, <c>==</c>.</param>
/// <param name="Value">The bound.</param>
public sealed record MetricConstraint(
    [property: JsonPropertyName("op")] string Op,
    [property: JsonPropertyName("value")] double Value)
{
    /// <summary>The comparison operators a constraint may use.</summary>
    public static IReadOnlyList<string> Operators { get; } = [">=", ">", "<=", "<", "=="];

    /// <summary>True when <paramref name="actual"/> satisfies the constraint (<c>==</c> is exact double equality).</summary>
    public bool IsSatisfiedBy(double actual) => Op switch
    {
        ">=" => actual >= Value,
        ">" => actual > Value,
        "<=" => actual <= Value,
        "<" => actual < Value,
        "==" => actual == Value,
        _ => throw new InvalidOperationException($"Unknown constraint operator '{Op}'; use one of {string.Join(", ", Operators)}."),
    };
}
