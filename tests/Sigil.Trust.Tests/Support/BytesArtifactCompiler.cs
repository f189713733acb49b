using System.Text;
using Sigil.Core.Identity;
using Sigil.Trust.Artifacts;

namespace Sigil.Trust.Tests.Support;

/// <summary>
/// An <see cref="IArtifactCompiler"/> for trust tests, which check digests and files, never load the assembly: each
/// candidate's "image" is fixed bytes derived from its id (the real compile is tested in Sigil.Runs and end to end).
/// </summary>
internal sealed class BytesArtifactCompiler : IArtifactCompiler
{
    public List<CandidateId> Requested { get; } = [];

    public Task<IReadOnlyList<ArtifactImage>> CompileAsync(string projectDirectory, string spec, IReadOnlyList<CandidateId> candidates, CancellationToken ct)
    {
        Requested.AddRange(candidates);
        IReadOnlyList<ArtifactImage> images = [.. candidates.Select(c => new ArtifactImage(c, Encoding.UTF8.GetBytes("image of " + c), "QuickStart.SigilCandidateMethod", null))];
        return Task.FromResult(images);
    }
}
