using Sigil.Manifests.Model;

namespace Sigil.Trust.Promotion;

/// <summary>A promoted manifest: where it was written and what it binds.</summary>
/// <param name="ManifestId">Its <c>manifest://b3:…</c> id.</param>
/// <param name="ManifestPath">The signed manifest written (the request's output).</param>
/// <param name="RecordPath">Its copy in <c>.sigil/manifests/&lt;spec&gt;-&lt;sequence&gt;.json</c>.</param>
/// <param name="Document">The signed document.</param>
/// <param name="Pins">Each pin with its evidence, ordered by qualname.</param>
/// <param name="Warnings">What the user should know (pins left out, no git commit, a stale or different build, …).</param>
public sealed record PromoteResult(
    string ManifestId,
    string ManifestPath,
    string RecordPath,
    ManifestDocument Document,
    IReadOnlyList<PromotedPin> Pins,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The manifest's sequence for its spec.</summary>
    public long Sequence => Document.Sequence;
}
