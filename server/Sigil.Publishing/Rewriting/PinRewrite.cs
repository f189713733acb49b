namespace Sigil.Publishing.Rewriting;

/// <summary>
/// One pinned method to rewrite to its approved candidate.
/// </summary>
/// <param name="FilePath">The source file holding the pin, relative to the repository root (forward slashes).</param>
/// <param name="QualifiedName">
/// The pin's FunctionID qualname, containing types without namespace, then the method and its parameter types, as
/// <c>Sigil.Candidates</c> matches it: <c>Kernels.Root(double)</c>, <c>Outer.Inner.Sum(List&lt;int&gt;)</c>. The
/// parameter list is required (it picks the overload).
/// </param>
/// <param name="ApprovedMethod">
/// The whole approved method declaration from the candidate. Its modifiers through its body replace the pin's; the
/// pin's doc comment, indentation and attribute lists (<c>[Improve]</c> included) stay; an attribute list only the
/// candidate has is added, as when the candidate was built and measured.
/// </param>
/// <param name="CandidateId">The candidate's id, for the commit message (e.g. <c>diff://b3:…</c>).</param>
/// <param name="Evidence">One line of evidence for the commit message (e.g. the measured speedup and its CI).</param>
public sealed record PinRewrite(string FilePath, string QualifiedName, string ApprovedMethod, string CandidateId, string Evidence)
{
    /// <summary>
    /// The pinned method as it was when the candidate was made (optional). When given, publishing refuses with
    /// <see cref="RefusalReasons.CandidateDoesNotApply"/> if the method's code (tokens; comments and layout do not
    /// count) has changed since, so that edits made after the candidate are never silently overwritten.
    /// </summary>
    public string? BaselineMethod { get; init; }
}
