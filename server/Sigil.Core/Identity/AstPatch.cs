using System.Text;
using Sigil.Core.Hashing;

namespace Sigil.Core.Identity;

/// <summary>
/// The structural half of a candidate: for each member it replaces, the member's qualname, the BLAKE3 of the
/// normalized syntax it replaces and the normalized syntax of the replacement (see <see cref="AbiNormalizer"/>).
/// Two candidates whose diffs differ only in layout or comments have the same AST patch.
/// </summary>
public sealed class AstPatch
{
    private readonly SortedDictionary<string, (string Before, string After)> _edits = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="target"/> changes from one normalized syntax to another.</summary>
    public AstPatch Replace(string target, string normalizedBefore, string normalizedAfter)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new ArgumentException("An AST patch target must name the member it replaces.", nameof(target));
        }
        if (!_edits.TryAdd(target, (Blake3Digest.Hex(normalizedBefore), normalizedAfter)))
        {
            throw new ArgumentException($"The AST patch already replaces '{target}'.", nameof(target));
        }
        return this;
    }

    /// <summary>True when the patch replaces nothing.</summary>
    public bool IsEmpty => _edits.Count == 0;

    /// <summary>The canonical text: one block per target, sorted by target, lengths explicit.</summary>
    public string ToCanonicalString()
    {
        var builder = new StringBuilder("sigil-ast-patch/v1\n");
        foreach (var (target, (before, after)) in _edits)
        {
            builder.Append("replace ").Append(target).Append('\n');
            builder.Append("before b3:").Append(before).Append('\n');
            builder.Append("after ").Append(Encoding.UTF8.GetByteCount(after)).Append('\n').Append(after).Append('\n');
        }
        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToCanonicalString();
}
