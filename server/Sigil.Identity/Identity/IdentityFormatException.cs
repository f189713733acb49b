namespace Sigil.Core.Identity;

/// <summary>A FunctionID or CandidateID string that does not follow the specified grammar.</summary>
public sealed class IdentityFormatException(string message) : FormatException(message);
