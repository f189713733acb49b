namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>The pinned method to call, resolved the same way in the baseline and in every candidate.</summary>
internal sealed class PinTarget
{
    /// <summary>The declaring type's metadata name: <c>Namespace.Type</c>, nested types joined with <c>+</c>.</summary>
    public string TypeName { get; init; } = "";

    /// <summary>The method's name.</summary>
    public string MethodName { get; init; } = "";

    /// <summary>
    /// The parameter types, to pick an overload: C# display names as the generator writes them (<c>int[]</c>,
    /// <c>System.Collections.Generic.List&lt;int&gt;</c>) or reflection full names (<c>System.Int32[]</c>); null when the
    /// name alone is unambiguous.
    /// </summary>
    public List<string>? ParameterTypes { get; init; }

    /// <summary>Whether the method is static; an instance method is called on an instance made with the type's parameterless constructor.</summary>
    public bool IsStatic { get; init; } = true;
}
