namespace Sigil;

/// <summary>
/// Marks a pin's parameter as sensitive: its value is never stored raw, and its sketch keeps only the type and
/// size (no hash, no numeric summary).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SensitiveAttribute : Attribute;
