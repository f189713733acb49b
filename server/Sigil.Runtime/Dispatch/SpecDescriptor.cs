using System.ComponentModel;

namespace Sigil.Runtime;

/// <summary>A spec as declared with <see cref="SpecAttribute"/>, emitted by the generator.</summary>
/// <param name="Name">The spec name.</param>
/// <param name="Description">Its description.</param>
/// <param name="StoreRawInputs">Whether raw values may be stored.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record SpecDescriptor(string Name, string Description, bool StoreRawInputs);
