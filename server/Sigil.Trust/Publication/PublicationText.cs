using System.Globalization;
using System.Text;
using Sigil.Manifests.Model;
using Sigil.Trust.Evidence;

namespace Sigil.Trust.Publication;

/// <summary>The publication commit's title and evidence body for a manifest.</summary>
internal static class PublicationText
{
    /// <summary>The first 12 hex digits of the manifest's digest.</summary>
    public static string ShortId(ManifestDocument manifest) => manifest.ManifestId![(manifest.ManifestId!.LastIndexOf(':') + 1)..][..12];

    /// <summary><c>Sigil: apply manifest &lt;short id&gt; (&lt;spec&gt;)</c>.</summary>
    public static string Title(ManifestDocument manifest) => $"Sigil: apply manifest {ShortId(manifest)} ({manifest.Spec})";

    /// <summary>The manifest's identity, author, times, signer, codebase and per-pin evidence.</summary>
    public static string Body(ManifestDocument manifest, string baselineName)
    {
        var builder = new StringBuilder();
        builder.Append("Manifest: ").Append(manifest.ManifestId).Append('\n');
        builder.Append("Spec: ").Append(manifest.Spec).Append(" (workspace ").Append(manifest.Workspace).Append("), sequence ")
            .Append(manifest.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("Author: ").Append(manifest.Author).Append('\n');
        builder.Append("Created: ").Append(Time(manifest.CreatedAt)).Append(", expires ").Append(Time(manifest.ExpiresAt)).Append('\n');
        builder.Append("Signed by: ").Append(manifest.Signature?.KeyId).Append('\n');
        builder.Append("Codebase: ").Append(manifest.Codebase.Repo).Append(" @ ").Append(manifest.Codebase.Commit)
            .Append(" (candidates rebuilt from ").Append(baselineName).Append(")\n");
        builder.Append("Evaluators: ").Append(string.Join(", ", manifest.EvaluatorSet.Select(e => $"{e.Name} v{e.Version}"))).Append('\n');
        builder.Append("Policy: ").Append(string.Join(", ", manifest.Policy.Constraints.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{c.Key} {c.Value.Op} {c.Value.Value.ToString(CultureInfo.InvariantCulture)}")));
        if (manifest.Policy.NonInferiority is { } rule)
        {
            builder.Append("; non-inferiority ").Append(rule.Metric).Append(" >= ").Append(rule.Delta.ToString(CultureInfo.InvariantCulture));
        }
        builder.Append("\n\nEvidence:\n");
        foreach (var pin in manifest.Pins)
        {
            builder.Append("- ").Append(pin.FunctionId.QualifiedName).Append(": ").Append(EvidenceText.Describe(pin.Metrics, pin.Evidence)).Append('\n');
        }
        return builder.ToString();
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
