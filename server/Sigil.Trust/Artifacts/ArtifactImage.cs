using Sigil.Core.Identity;

namespace Sigil.Trust.Artifacts;

/// <summary>A candidate's compiled method for the resolver, or why there is none.</summary>
/// <param name="Candidate">The candidate.</param>
/// <param name="Image">The assembly's bytes, or null.</param>
/// <param name="EntryType">The type holding the method, or null.</param>
/// <param name="WhyNot">Why there is no artifact, or null.</param>
public sealed record ArtifactImage(CandidateId Candidate, byte[]? Image, string? EntryType, string? WhyNot);
