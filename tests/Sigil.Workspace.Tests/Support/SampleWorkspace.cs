using Sigil.Workspace.Model;

namespace Sigil.Workspace.Tests.Support;

/// <summary>The candidates <see cref="Samples.Populate"/> inserted.</summary>
internal sealed record SampleWorkspace(
    CandidateRecord Root,
    CandidateRecord Child,
    CandidateRecord Grandchild,
    CandidateRecord OtherRoot,
    CandidateRecord OtherWorkspace)
{
    public IReadOnlyList<CandidateRecord> All => [Root, Child, Grandchild, OtherRoot, OtherWorkspace];
}
