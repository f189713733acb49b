namespace Sigil.Worker.Loading;

/// <summary>An image, a pin, an eval, an instance or a sample that cannot be loaded; the message says which and why.</summary>
internal sealed class LoadFailedException(string message, Exception? inner = null) : Exception(message, inner);
