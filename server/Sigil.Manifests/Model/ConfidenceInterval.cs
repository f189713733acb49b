using System.Text.Json.Serialization;
using Sigil.Manifests.Model.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>A confidence interval, written in JSON as <c>[low, high]</c>.</summary>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound, at least <paramref name="Low"/>.</param>
[JsonConverter(typeof(ConfidenceIntervalConverter))]
public sealed record ConfidenceInterval(double Low, double High);
