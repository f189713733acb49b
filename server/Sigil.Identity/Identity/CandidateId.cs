using System.Text;
using Sigil.Core.Hashing;

namespace Sigil.Core.Identity;

/// <summary>
/// <c>diff://b3:&lt;digest&gt;</c>: the identity of a candidate, BLAKE3 over its unified diff text and its canonical
/// AST patch (see <c>AstPatch</c> in Sigil.Core). Line endings of the diff are normalized to LF before hashing.
/// </summary>
public sealed record CandidateId(string Digest)
{
    /// <summary>The URI prefix.</summary>
    public const string Prefix = "diff://b3:";

    private const string Domain = "sigil-candidate/v1";

    /// <summary>Computes the id of a candidate from its unified diff and canonical AST patch.</summary>
    public static CandidateId Compute(string unifiedDiff, string canonicalAstPatch)
    {
        ArgumentNullException.ThrowIfNull(unifiedDiff);
        ArgumentNullException.ThrowIfNull(canonicalAstPatch);
        return new CandidateId(Blake3Digest.Hex(Preimage(NormalizeNewlines(unifiedDiff), canonicalAstPatch)));
    }

    /// <summary>The exact bytes hashed by <see cref="Compute"/>: a domain tag, then each part length-prefixed.</summary>
    public static byte[] Preimage(string unifiedDiff, string canonicalAstPatch)
    {
        var diff = Encoding.UTF8.GetBytes(unifiedDiff);
        var patch = Encoding.UTF8.GetBytes(canonicalAstPatch);
        var text = $"{Domain}\ndiff {diff.Length}\n";
        var middle = $"\npatch {patch.Length}\n";
        return [.. Encoding.UTF8.GetBytes(text), .. diff, .. Encoding.UTF8.GetBytes(middle), .. patch];
    }

    /// <summary>Converts CRLF and lone CR to LF.</summary>
    public static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>Parses <c>diff://b3:&lt;64 hex&gt;</c>; throws <see cref="IdentityFormatException"/> when malformed.</summary>
    public static CandidateId Parse(string text) =>
        TryParse(text, out var id) ? id! : throw new IdentityFormatException(
            $"CandidateID '{text}' is malformed; expected {Prefix}<digest> with a 64-character lowercase hex BLAKE3 digest.");

    /// <summary>Parses a CandidateID; false when malformed.</summary>
    public static bool TryParse(string? text, out CandidateId? id)
    {
        id = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || !Blake3Digest.IsDigest(text[Prefix.Length..]))
        {
            return false;
        }
        id = new CandidateId(text[Prefix.Length..]);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Prefix + Digest;
}
