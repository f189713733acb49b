using Sigil.Trust.Evidence;
using Sigil.Workspace.Model;

namespace Sigil.Trust.Candidates;

/// <summary>A candidate chosen for a pin, with the evidence it is promoted on.</summary>
internal sealed record ChosenCandidate(CandidateRecord Candidate, SelectedEvidence Evidence)
{
    /// <summary>Package, module and qualname: a function whatever its commit or abi-hash.</summary>
    public string FunctionKey => Key(Candidate);

    public static string Key(CandidateRecord candidate) =>
        $"{candidate.FunctionId.Package}/{candidate.FunctionId.Module}:{candidate.FunctionId.QualifiedName}";
}
