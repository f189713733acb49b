namespace Sigil.Generators.Model
{
    /// <summary>One parameter of a pin.</summary>
    /// <param name="Name">Source name (for the descriptor).</param>
    /// <param name="TypeCode">Type as C# code, fully qualified with global:: and nullable annotations.</param>
    /// <param name="TypeDisplay">Type as shown in FunctionIDs and descriptors (e.g. System.Collections.Generic.List&lt;int&gt;).</param>
    /// <param name="IsReferenceType">Whether arguments get a null-forgiving '!' when passed to the eval.</param>
    /// <param name="IsSensitive">Whether the parameter is marked [Sensitive].</param>
    internal sealed record ParameterModel(string Name, string TypeCode, string TypeDisplay, bool IsReferenceType, bool IsSensitive);
}
