namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>A method of the app by its declaring type's metadata name and its name (the eval function).</summary>
internal sealed class MethodTarget
{
    /// <summary>The declaring type's metadata name: <c>Namespace.Type</c>, nested types joined with <c>+</c>.</summary>
    public string TypeName { get; init; } = "";

    /// <summary>The method's name.</summary>
    public string MethodName { get; init; } = "";
}
