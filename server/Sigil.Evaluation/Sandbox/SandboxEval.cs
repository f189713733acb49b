namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// The pin's eval function: it takes the pin's parameters followed by the pin's (awaited) return value and returns a
/// double or a bool (true = 1); higher is better. The baseline's eval scores both sides, so a candidate cannot change
/// its own judge. For a void pin it takes the parameters only, as the call left them.
/// </summary>
/// <param name="TypeName">The declaring type's metadata name (nested types with <c>+</c>).</param>
/// <param name="MethodName">The method's name.</param>
public sealed record SandboxEval(string TypeName, string MethodName);
