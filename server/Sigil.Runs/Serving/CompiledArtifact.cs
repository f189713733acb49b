using Sigil.Core.Identity;

namespace Sigil.Runs.Serving;

/// <summary>A candidate compiled for the runtime resolver, or why it cannot be.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Image">The assembly holding the pin's method alone, or null.</param>
/// <param name="EntryType">The metadata name of the type holding the method, or null.</param>
/// <param name="WhyNot">Why there is no artifact (instance pin, more than the method changed, ...), or null.</param>
public sealed record CompiledArtifact(CandidateId Candidate, byte[]? Image, string? EntryType, string? WhyNot);
