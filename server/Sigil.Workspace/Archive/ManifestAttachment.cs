using Sigil.Core.Identity;

namespace Sigil.Workspace.Archive;

/// <summary>One artifact attachment listed in <c>manifest.json</c>: which candidate, under which name, which blob.</summary>
internal sealed record ManifestAttachment(CandidateId Candidate, string Name, string Digest);
