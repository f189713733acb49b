using Sigil.Core.Hashing;

namespace Sigil.Workspace.Model;

/// <summary>
/// <c>run://b3:&lt;digest&gt;</c>: the identity of a <see cref="RunRecord"/>, the BLAKE3 of the run's canonical JSON
/// (every field but the id, schema <c>sigil/run@1</c>). Two runs started with the same settings at different times
/// have different ids; the same record offered twice has the same id.
/// </summary>
/// <param name="Digest">The 64-digit lowercase hex BLAKE3 digest.</param>
public sealed record RunId(string Digest)
{
    /// <summary>The URI prefix.</summary>
    public const string Prefix = "run://b3:";

    /// <summary>Parses <c>run://b3:&lt;64 hex&gt;</c>; throws <see cref="FormatException"/> when malformed.</summary>
    public static RunId Parse(string text) =>
        TryParse(text, out var id) ? id! : throw new FormatException(
            $"Run id '{text}' is malformed; expected {Prefix}<digest> with a 64-character lowercase hex BLAKE3 digest.");

    /// <summary>Parses a run id; false when malformed.</summary>
    public static bool TryParse(string? text, out RunId? id)
    {
        id = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || !Blake3Digest.IsDigest(text[Prefix.Length..]))
        {
            return false;
        }
        id = new RunId(text[Prefix.Length..]);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Prefix + Digest;
}
