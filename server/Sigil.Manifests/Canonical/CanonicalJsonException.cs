namespace Sigil.Manifests.Canonical;

/// <summary>
/// A JSON value that has no RFC 8785 canonical form: a duplicate object key, a number outside the IEEE 754 double
/// range (or NaN/Infinity), or a string holding an unpaired surrogate. The message names the JSON path.
/// </summary>
public sealed class CanonicalJsonException(string message) : FormatException(message);
