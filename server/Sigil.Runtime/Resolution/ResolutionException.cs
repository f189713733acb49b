namespace Sigil.Runtime.Resolution;

/// <summary>A pin's approved candidate cannot be served; the message completes "pin X: ...".</summary>
internal sealed class ResolutionException(string message, Exception? inner = null) : Exception(message, inner);
