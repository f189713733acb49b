namespace Sigil.Generators.Model
{
    /// <summary>A type that generated code names, or reaches with [UnsafeAccessorType] when it cannot.</summary>
    /// <param name="Code">Fully qualified C# (global::...).</param>
    /// <param name="Display">Without global:: (for FunctionIDs and eval names).</param>
    /// <param name="MetadataName">Assembly-qualified metadata name (Ns.Outer+Inner, Assembly).</param>
    /// <param name="IsValueType">Whether it is a struct.</param>
    /// <param name="IsAccessible">Whether a file-local class in the same assembly can name it.</param>
    /// <param name="IsStatic">A static class (it cannot type a parameter).</param>
    internal sealed record TypeReference(string Code, string Display, string MetadataName, bool IsValueType, bool IsAccessible, bool IsStatic)
    {
        /// <summary>Whether an [UnsafeAccessor] can take it as a typed parameter (else [UnsafeAccessorType] on object).</summary>
        public bool CanTypeParameter => IsAccessible && !IsStatic;
    }
}
