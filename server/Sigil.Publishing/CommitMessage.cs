using System.Text;
using Sigil.Publishing.Rewriting;

namespace Sigil.Publishing;

/// <summary>The publication commit's message: the title, a blank line, the evidence body, then one entry per pin.</summary>
internal static class CommitMessage
{
    public static string Build(string title, string body, IReadOnlyList<PinRewrite> pins)
    {
        var builder = new StringBuilder();
        builder.Append(title.Trim()).Append("\n\n");
        var evidence = body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (evidence.Length > 0)
        {
            builder.Append(evidence).Append("\n\n");
        }
        builder.Append(pins.Count == 1 ? "Pinned method:\n" : $"Pinned methods ({pins.Count}):\n");
        foreach (var pin in pins)
        {
            builder.Append("- ").Append(pin.QualifiedName).Append(" in ").Append(pin.FilePath).Append('\n');
            builder.Append("  candidate: ").Append(pin.CandidateId).Append('\n');
            builder.Append("  evidence: ").Append(pin.Evidence).Append('\n');
        }
        return builder.ToString();
    }
}
