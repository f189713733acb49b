namespace Sigil.Manifests.Applied;

/// <summary><c>.sigil/resolver/applied.json</c> is damaged, or a record would go back to an older manifest.</summary>
public sealed class AppliedManifestsException(string message) : Exception(message);
