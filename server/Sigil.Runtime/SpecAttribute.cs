namespace Sigil;

/// <summary>
/// Declares a spec: a named group of pins that are tracked, run and evaluated together.
/// Declare it once per assembly: <c>[assembly: Spec("quickstart", Description = "...", StoreRawInputs = true)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class SpecAttribute(string name) : Attribute
{
    /// <summary>The spec's name: letters, digits, '-', '_' or '.'.</summary>
    public string Name { get; } = name;

    /// <summary>What the spec is about, shown by the CLI and editors.</summary>
    public string Description { get; set; } = "";

    /// <summary>
    /// Whether the tracker may store raw input and output values (needed to replay samples in <c>sigil run</c>).
    /// Off by default: only sketches (type, size, hash, numeric summaries) are stored. Parameters marked
    /// <see cref="SensitiveAttribute"/> are never stored raw, whatever this says.
    /// </summary>
    public bool StoreRawInputs { get; set; }
}
