using System.Text.RegularExpressions;
using Sigil.Core.Hashing;

namespace Sigil.Core.Identity;

/// <summary>
/// <c>sigil://&lt;package&gt;@&lt;git-commit&gt;/&lt;module&gt;:&lt;qualname&gt;#&lt;abi-hash&gt;</c>: the exact identity of a pinned method.
/// In .NET the package is the assembly name, the module is the namespace (<c>global</c> when there is none) and the
/// qualname is <c>Type.Nested.Method(paramtypes)</c>. The abi-hash is BLAKE3 over <c>AbiPreimage</c> (Sigil.Core).
/// </summary>
public sealed partial record FunctionId(string Package, string Commit, string Module, string QualifiedName, string AbiHash)
{
    /// <summary>The URI scheme prefix.</summary>
    public const string Scheme = "sigil://";

    /// <summary>The commit used when the project is not inside a git repository.</summary>
    public static readonly string NoCommit = new('0', 40);

    private const string Grammar = "expected sigil://<package>@<git-commit>/<module>:<qualname>#<abi-hash>";

    /// <summary>Parses a FunctionID, throwing <see cref="IdentityFormatException"/> that names the faulty part.</summary>
    public static FunctionId Parse(string text)
    {
        var error = TryParseCore(text, out var id);
        return error is null ? id! : throw new IdentityFormatException(error);
    }

    /// <summary>Parses a FunctionID; false when malformed.</summary>
    public static bool TryParse(string? text, out FunctionId? id) => TryParseCore(text, out id) is null;

    /// <summary>Validates the parts and builds the id; throws <see cref="IdentityFormatException"/> on a bad part.</summary>
    public static FunctionId Create(string package, string commit, string module, string qualifiedName, string abiHash)
    {
        var id = new FunctionId(package, commit, module, qualifiedName, abiHash);
        var error = Validate(id, id.ToString());
        return error is null ? id : throw new IdentityFormatException(error);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Scheme}{Package}@{Commit}/{Module}:{QualifiedName}#{AbiHash}";

    private static string? TryParseCore(string? text, out FunctionId? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text))
        {
            return $"FunctionID is empty; {Grammar}.";
        }
        if (!text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return $"FunctionID '{text}' does not start with '{Scheme}'; {Grammar}.";
        }
        var rest = text[Scheme.Length..];
        var at = rest.IndexOf('@');
        var slash = at < 0 ? -1 : rest.IndexOf('/', at);
        var colon = slash < 0 ? -1 : rest.IndexOf(':', slash);
        var hash = rest.LastIndexOf('#');
        if (at < 0 || slash < 0 || colon < 0 || hash < colon)
        {
            return $"FunctionID '{text}' is missing one of '@', '/', ':', '#' in that order; {Grammar}.";
        }
        var candidate = new FunctionId(
            rest[..at], rest[(at + 1)..slash], rest[(slash + 1)..colon], rest[(colon + 1)..hash], rest[(hash + 1)..]);
        var error = Validate(candidate, text);
        if (error is null)
        {
            id = candidate;
        }
        return error;
    }

    private static string? Validate(FunctionId id, string text)
    {
        if (!PackagePattern().IsMatch(id.Package))
        {
            return $"FunctionID '{text}' has an invalid <package> '{id.Package}' (letters, digits, '.', '_', '-'); {Grammar}.";
        }
        if (!CommitPattern().IsMatch(id.Commit))
        {
            return $"FunctionID '{text}' has an invalid <git-commit> '{id.Commit}' (40 or 64 lowercase hex characters); {Grammar}.";
        }
        if (!ModulePattern().IsMatch(id.Module))
        {
            return $"FunctionID '{text}' has an invalid <module> '{id.Module}' (a dotted namespace, or 'global'); {Grammar}.";
        }
        if (id.QualifiedName.Length == 0 || id.QualifiedName.Any(c => char.IsWhiteSpace(c) || c is '#' or '/' or '@'))
        {
            return $"FunctionID '{text}' has an invalid <qualname> '{id.QualifiedName}' (non-empty, no spaces, '#', '/' or '@'); {Grammar}.";
        }
        if (!Blake3Digest.IsDigest(id.AbiHash))
        {
            return $"FunctionID '{text}' has an invalid <abi-hash> '{id.AbiHash}' (64 lowercase hex characters, a BLAKE3 digest); {Grammar}.";
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    private static partial Regex PackagePattern();

    [GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex CommitPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex ModulePattern();
}
