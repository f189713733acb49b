using Sigil.Core.Identity;

namespace Sigil.Workspace.Model;

/// <summary>An artifact to attach as part of a <see cref="WorkspaceBatch"/>.</summary>
/// <param name="CandidateId">The candidate to attach it to.</param>
/// <param name="Name">The attachment's name, unique per candidate.</param>
/// <param name="Content">The blob's bytes.</param>
public sealed record ArtifactUpload(CandidateId CandidateId, string Name, ReadOnlyMemory<byte> Content);
