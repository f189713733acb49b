namespace Sigil.Generators.Model
{
    /// <summary>What generated code needs to call a supported pin.</summary>
    /// <param name="ContainingType">The declaring type.</param>
    /// <param name="IsStatic">Static pins are called on the type; instance pins through a 'this' parameter.</param>
    /// <param name="IsExtension">Classic extension method (the interceptor keeps 'this' on its first parameter).</param>
    /// <param name="IsAccessible">Whether generated code can call it directly (else [UnsafeAccessor]).</param>
    /// <param name="Parameters">Parameters in order.</param>
    /// <param name="ReturnKind">How it returns.</param>
    /// <param name="ReturnTypeCode">Declared return type as C# code ("void" when none).</param>
    /// <param name="ResultTypeCode">The (awaited) result as C# code; null when there is none.</param>
    /// <param name="ResultDisplay">The (awaited) result for the descriptor; "void" when none.</param>
    /// <param name="ResultIsReferenceType">Whether the result gets a '!' when passed to the eval.</param>
    internal sealed record PinSignature(
        TypeReference ContainingType,
        bool IsStatic,
        bool IsExtension,
        bool IsAccessible,
        EquatableArray<ParameterModel> Parameters,
        ReturnKind ReturnKind,
        string ReturnTypeCode,
        string? ResultTypeCode,
        string ResultDisplay,
        bool ResultIsReferenceType)
    {
        public bool IsAsync => ReturnKind is ReturnKind.Task or ReturnKind.TaskOfT or ReturnKind.ValueTask or ReturnKind.ValueTaskOfT;

        public bool HasResult => ResultTypeCode is not null;
    }
}
