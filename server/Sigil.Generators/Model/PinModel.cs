using Microsoft.CodeAnalysis;

namespace Sigil.Generators.Model
{
    /// <summary>One [Improve] method as the pipeline carries it.</summary>
    /// <param name="Key">Documentation comment id of the method (matches every call's target).</param>
    /// <param name="MethodName">Metadata name (what call sites are filtered by before semantic work).</param>
    /// <param name="DisplayName">Type.Method, for messages.</param>
    /// <param name="Spec">The spec named on [Improve] (may be empty).</param>
    /// <param name="SpecLocation">Where the spec is named.</param>
    /// <param name="Workspace">The serving workspace.</param>
    /// <param name="FilePath">Path of the declaring file.</param>
    /// <param name="Line">1-based line of the method's name.</param>
    /// <param name="Diagnostics">Shape and eval problems (a pin with any is not routed).</param>
    /// <param name="Signature">Null when the shape is unsupported.</param>
    /// <param name="Eval">Null when the eval is missing or invalid.</param>
    /// <param name="Identity">Null when the shape is unsupported.</param>
    internal sealed record PinModel(
        string Key,
        string MethodName,
        string DisplayName,
        string Spec,
        Location? SpecLocation,
        string Workspace,
        string FilePath,
        int Line,
        EquatableArray<DiagnosticInfo> Diagnostics,
        PinSignature? Signature,
        EvalModel? Eval,
        IdentityParts? Identity)
    {
        /// <summary>True when nothing but the spec check can still make it invalid.</summary>
        public bool IsRoutable => Diagnostics.Count == 0 && Signature is not null && Eval is not null && Identity is not null;
    }
}
