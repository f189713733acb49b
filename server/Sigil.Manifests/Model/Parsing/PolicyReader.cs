using Sigil.Manifests.Json;

namespace Sigil.Manifests.Model.Parsing;

/// <summary>Reads <c>policy {constraints: {metric: {op, value}}, non_inferiority: {metric, delta} | null}</c>.</summary>
internal static class PolicyReader
{
    public static ManifestPolicy Read(JsonObjectReader reader)
    {
        var constraints = new Dictionary<string, MetricConstraint>(StringComparer.Ordinal);
        foreach (var (metric, value, path) in reader.Object("constraints").Members())
        {
            MetricName.Check(metric, path);
            constraints.Add(metric, ReadConstraint(new JsonObjectReader(value, path)));
        }
        NonInferiorityRule? nonInferiority = null;
        if (reader.OptionalObject("non_inferiority") is { } rule)
        {
            var metric = rule.String("metric");
            MetricName.Check(metric, rule.PathOf("metric"));
            nonInferiority = new NonInferiorityRule(metric, rule.Number("delta"));
            rule.EnsureNothingElse("non_inferiority {metric, delta}");
        }
        reader.EnsureNothingElse("policy {constraints, non_inferiority}");
        return new ManifestPolicy(constraints, nonInferiority);
    }

    private static MetricConstraint ReadConstraint(JsonObjectReader reader)
    {
        var op = reader.String("op");
        if (!MetricConstraint.Operators.Contains(op))
        {
            throw new JsonShapeException(reader.PathOf("op"), $"'{op}' is not an operator; use one of {string.Join(" ", MetricConstraint.Operators)}.");
        }
        var constraint = new MetricConstraint(op, reader.Number("value"));
        reader.EnsureNothingElse("a constraint {op, value}");
        return constraint;
    }
}
