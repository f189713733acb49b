namespace Sigil.Runs.Pins;

/// <summary>
/// A pin's eval function: a static method taking the pin's parameters followed by its result and returning a
/// <see cref="double"/> (higher is better) or a <see cref="bool"/> (true is 1).
/// </summary>
/// <param name="TypeMetadataName">The declaring type as reflection names it.</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="DisplayName">The name users see (<c>QuickStart.Kernels.RootError</c>).</param>
/// <param name="ReturnsBool">True when it returns a verdict rather than a score.</param>
/// <param name="SourceDigest">BLAKE3 (hex) of the eval function's declaration: changes when the evaluator changes.</param>
public sealed record EvalFunctionInfo(string TypeMetadataName, string MethodName, string DisplayName, bool ReturnsBool, string SourceDigest);
