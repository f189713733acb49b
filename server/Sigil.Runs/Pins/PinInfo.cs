using Sigil.Core.Identity;

namespace Sigil.Runs.Pins;

/// <summary>
/// One pin of a spec as a run needs it: its identity, where it is, its signature in reflection terms (for the sandbox
/// worker to find and call it) and its eval function.
/// </summary>
/// <param name="FunctionId">The pin's FunctionID, as the compiled baseline records it.</param>
/// <param name="Spec">The spec.</param>
/// <param name="Workspace">The workspace the pin serves from (its <c>[Improve(Workspace = …)]</c>).</param>
/// <param name="SourceFile">The declaring file, relative to the session's source root (<c>/</c> separators).</param>
/// <param name="TypeMetadataName">The declaring type as reflection names it (<c>Ns.Outer+Inner</c>).</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="ParameterNames">The parameter names, in order (the keys of tracked inputs).</param>
/// <param name="ParameterTypes">The parameter types as reflection names them (<c>System.Int32[]</c>), in order.</param>
/// <param name="IsStatic">True for a static method.</param>
/// <param name="ReturnsVoid">True when the method returns nothing.</param>
/// <param name="Eval">The eval function, or <c>null</c> when the pin names none (outputs are then compared with the baseline's).</param>
/// <param name="MethodSource">The method's declaration as written.</param>
/// <param name="ContextSource">The containing type's declaration, as context for generators.</param>
public sealed record PinInfo(
    FunctionId FunctionId,
    string Spec,
    string Workspace,
    string SourceFile,
    string TypeMetadataName,
    string MethodName,
    IReadOnlyList<string> ParameterNames,
    IReadOnlyList<string> ParameterTypes,
    bool IsStatic,
    bool ReturnsVoid,
    EvalFunctionInfo? Eval,
    string MethodSource,
    string ContextSource)
{
    /// <summary>The pin's short name, <c>Type.Method(params)</c>, for messages.</summary>
    public string DisplayName => FunctionId.QualifiedName;

    /// <summary>The method as the compiler's method-only fast path looks for it.</summary>
    public Sigil.Evaluation.Compilation.PinMethod Method => new(TypeMetadataName, MethodName, ParameterTypes, IsStatic);
}
