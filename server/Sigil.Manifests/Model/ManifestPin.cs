using System.Text.Json.Serialization;
using Sigil.Core.Identity;
using Sigil.Manifests.Model.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>One binding of a function to an approved candidate, with its measured metrics and evidence.</summary>
/// <param name="FunctionId">The pinned function (its abi-hash is checked against the current build).</param>
/// <param name="Candidate">The approved candidate.</param>
/// <param name="Metrics">Measured metrics by name.</param>
/// <param name="Evidence">Trials and confidence intervals.</param>
/// <param name="Artifact">The candidate compiled ahead of time for the resolver, when it can be served at run time.</param>
public sealed record ManifestPin(
    [property: JsonPropertyName("function_id"), JsonConverter(typeof(FunctionIdConverter))] FunctionId FunctionId,
    [property: JsonPropertyName("candidate"), JsonConverter(typeof(CandidateIdConverter))] CandidateId Candidate,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics,
    [property: JsonPropertyName("evidence")] PinEvidence Evidence,
    [property: JsonPropertyName("artifact")] PinArtifact? Artifact = null);
