namespace Sigil.Trust.Verification;

/// <summary>One pin of a manifest, for people.</summary>
/// <param name="QualifiedName">The pin's short name, <c>Kernels.Root(double)</c>.</param>
/// <param name="FunctionId">Its full FunctionID.</param>
/// <param name="Candidate">The approved candidate's id.</param>
/// <param name="Evidence">One line: speedup and intervals, trials, samples.</param>
public sealed record ManifestPinSummary(string QualifiedName, string FunctionId, string Candidate, string Evidence);
