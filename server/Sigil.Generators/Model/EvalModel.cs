namespace Sigil.Generators.Model
{
    /// <summary>A resolved, valid eval method.</summary>
    /// <param name="Key">Documentation comment id (to keep calls inside the eval direct).</param>
    /// <param name="MethodName">Metadata name.</param>
    /// <param name="Type">The declaring type.</param>
    /// <param name="IsAccessible">Whether generated code can call it directly (else [UnsafeAccessor]).</param>
    /// <param name="ReturnsBool">Bool evals score 1.0/0.0; numeric evals are cast to double.</param>
    /// <param name="ReturnTypeCode">Return type as C# code (for the accessor).</param>
    /// <param name="ParameterTypeCodes">Parameter types as C# code, with the eval's own nullability (for the accessor).</param>
    internal sealed record EvalModel(
        string Key,
        string MethodName,
        TypeReference Type,
        bool IsAccessible,
        bool ReturnsBool,
        string ReturnTypeCode,
        EquatableArray<string> ParameterTypeCodes)
    {
        /// <summary>"Type.Method", as the descriptor and the pin attribute carry it.</summary>
        public string DisplayName => Type.Display + "." + MethodName;
    }
}
