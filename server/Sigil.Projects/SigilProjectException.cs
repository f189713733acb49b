namespace Sigil.Projects;

/// <summary>A problem with a Sigil project's files or settings; the message says what to do.</summary>
public sealed class SigilProjectException(string message, Exception? inner = null) : Exception(message, inner);
