namespace Sigil.Candidates.Applying;

/// <summary>
/// One syntax unit whose tokens an edit changes (trivia never counts): the entry it becomes in the canonical AST patch.
/// </summary>
/// <param name="Target">
/// The AST patch target: the pin's qualname for the pin; for other members their syntactic qualname
/// (<c>Kernels.Helper(List&lt;int&gt;)</c>, types as written without namespaces); suffixed <c> [attributes]</c> for a
/// member's attribute lists, <c> [type]</c> for a type's declaration; <c>path [usings]</c> / <c>path [file]</c> for
/// file-level syntax. A target that would occur in two files is suffixed <c> in path</c>.
/// </param>
/// <param name="FilePath">The file the unit is in.</param>
/// <param name="Part">What the unit is.</param>
/// <param name="NormalizedBefore">Its tokens before, separated by single spaces (empty when the edit adds it).</param>
/// <param name="NormalizedAfter">Its tokens after (empty when the edit removes it).</param>
public sealed record MemberChange(string Target, string FilePath, ChangedPart Part, string NormalizedBefore, string NormalizedAfter)
{
    /// <summary>True when the edit adds the unit.</summary>
    public bool IsAdded => NormalizedBefore.Length == 0;

    /// <summary>True when the edit removes the unit.</summary>
    public bool IsRemoved => NormalizedAfter.Length == 0;
}
