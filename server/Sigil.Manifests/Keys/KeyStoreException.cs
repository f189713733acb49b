namespace Sigil.Manifests.Keys;

/// <summary>A signing key that cannot be created or loaded; the message names the file and how to fix it.</summary>
public sealed class KeyStoreException(string message) : Exception(message);
