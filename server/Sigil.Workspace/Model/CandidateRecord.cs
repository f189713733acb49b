using Sigil.Core.Identity;

namespace Sigil.Workspace.Model;

/// <summary>
/// One candidate implementation of a pinned function, as the workspace stores it: a unified diff and canonical AST
/// patch against its parent, where the parent is either another candidate or the baseline (the function itself at
/// <see cref="FunctionId"/>), so the candidates of a function form a tree rooted at its baseline.
/// </summary>
/// <remarks>
/// <para>
/// Content-addressed: <see cref="Id"/> must equal <see cref="CandidateId.Compute"/> over <see cref="Diff"/> and
/// <see cref="AstPatch"/>, which the store checks on insert. The other fields are metadata, of two kinds:
/// </para>
/// <list type="bullet">
/// <item><see cref="FunctionId"/> and <see cref="Parent"/> belong to the stored candidate: the first record written
/// under an id sets them for good, in every spec and workspace.</item>
/// <item><see cref="Spec"/>, <see cref="Workspace"/>, <see cref="Provenance"/>, <see cref="CreatedAt"/> and
/// <see cref="Summary"/> belong to one <i>membership</i>, the candidate as held by one spec and workspace: the first
/// record written for that spec and workspace sets them. <see cref="Store.IWorkspaceStore.GetCandidate"/> returns
/// the original record (the first membership); <see cref="Store.IWorkspaceStore.ListCandidates"/> returns each
/// membership's.</item>
/// </list>
/// <para>Build instances with <see cref="Create"/>, which computes the id.</para>
/// </remarks>
public sealed record CandidateRecord
{
    private readonly DateTimeOffset _createdAt;

    /// <summary>The candidate's identity, <c>diff://b3:&lt;digest&gt;</c> over <see cref="Diff"/> and <see cref="AstPatch"/>.</summary>
    public required CandidateId Id { get; init; }

    /// <summary>The pinned function this candidate is an implementation of.</summary>
    public required FunctionId FunctionId { get; init; }

    /// <summary>The spec (namespace of work) the candidate was generated under, for example <c>quickstart</c>; per membership.</summary>
    public required string Spec { get; init; }

    /// <summary>The named workspace inside the spec, for example <c>v1</c>; per membership.</summary>
    public required string Workspace { get; init; }

    /// <summary>The candidate this one's diff applies to, or <c>null</c> when it applies to the baseline.</summary>
    public CandidateId? Parent { get; init; }

    /// <summary>The unified diff (text) from the parent's source to this candidate's source.</summary>
    public required string Diff { get; init; }

    /// <summary>The canonical AST patch (see <see cref="Sigil.Core.Identity.AstPatch.ToCanonicalString"/>).</summary>
    public required string AstPatch { get; init; }

    /// <summary>Which generator and optimizer produced the candidate in this spec and workspace; per membership.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>When the candidate was generated in this spec and workspace; per membership; normalized to UTC on assignment.</summary>
    public required DateTimeOffset CreatedAt
    {
        get => _createdAt;
        init => _createdAt = value.ToUniversalTime();
    }

    /// <summary>A short human-readable description of the change (may be empty); per membership.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>True when the diff applies to the baseline rather than to another candidate.</summary>
    public bool IsRootedAtBaseline => Parent is null;

    /// <summary>
    /// Builds a candidate record, computing <see cref="Id"/> from <paramref name="unifiedDiff"/> and
    /// <paramref name="canonicalAstPatch"/>. Pass <c>null</c> as <paramref name="parent"/> for a child of the baseline.
    /// </summary>
    public static CandidateRecord Create(
        FunctionId functionId,
        string spec,
        string workspace,
        CandidateId? parent,
        string unifiedDiff,
        string canonicalAstPatch,
        Provenance provenance,
        DateTimeOffset createdAt,
        string summary = "")
    {
        ArgumentNullException.ThrowIfNull(functionId);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(unifiedDiff);
        ArgumentNullException.ThrowIfNull(canonicalAstPatch);
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(summary);
        return new CandidateRecord
        {
            Id = CandidateId.Compute(unifiedDiff, canonicalAstPatch),
            FunctionId = functionId,
            Spec = spec,
            Workspace = workspace,
            Parent = parent,
            Diff = unifiedDiff,
            AstPatch = canonicalAstPatch,
            Provenance = provenance,
            CreatedAt = createdAt,
            Summary = summary,
        };
    }

    /// <summary>The id recomputed from <see cref="Diff"/> and <see cref="AstPatch"/>; equal to <see cref="Id"/> when the record is intact.</summary>
    public CandidateId ComputeId() => CandidateId.Compute(Diff, AstPatch);
}
