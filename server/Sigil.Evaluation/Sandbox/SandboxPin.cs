namespace Sigil.Evaluation.Sandbox;

/// <summary>The pinned method the worker calls, resolved by name in the baseline and in every candidate.</summary>
/// <param name="TypeName">The declaring type's metadata name: <c>QuickStart.Kernels</c>; nested types joined with <c>+</c> (<c>A+B</c>).</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="ParameterTypes">
/// The parameter types, to pick an overload: as the generator writes them (<c>int[]</c>, <c>System.Collections.Generic.List&lt;int&gt;</c>,
/// <c>PinDescriptor.ParameterTypes</c>) or reflection full names (<c>System.Int32[]</c>); null when the name is unambiguous.
/// </param>
/// <param name="IsStatic">Whether the method is static; instance methods are called on an instance made with the type's parameterless constructor (public or private).</param>
public sealed record SandboxPin(string TypeName, string MethodName, IReadOnlyList<string>? ParameterTypes = null, bool IsStatic = true);
