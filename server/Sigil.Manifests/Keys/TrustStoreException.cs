namespace Sigil.Manifests.Keys;

/// <summary>A trust store operation that cannot be done, or a <c>sigil.keys.json</c> that is damaged; the message says which and how to fix it.</summary>
public sealed class TrustStoreException(string message) : Exception(message);
