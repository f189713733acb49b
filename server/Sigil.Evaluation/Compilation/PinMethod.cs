namespace Sigil.Evaluation.Compilation;

/// <summary>A pinned method as reflection names it: what <see cref="MethodOnlyCompiler"/> looks for in the sources.</summary>
/// <param name="TypeMetadataName">The declaring type (<c>Ns.Outer+Inner</c>).</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="ParameterTypes">The parameter types as reflection names them (<c>System.Int32[]</c>), in order.</param>
/// <param name="IsStatic">True for a static method (only those have a method-only fast path).</param>
public sealed record PinMethod(string TypeMetadataName, string MethodName, IReadOnlyList<string> ParameterTypes, bool IsStatic);
