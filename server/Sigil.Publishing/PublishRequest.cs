using Microsoft.CodeAnalysis.CSharp;
using Sigil.Publishing.Rewriting;

namespace Sigil.Publishing;

/// <summary>An already verified publication plan: which pinned methods to rewrite, where, and how to record it.</summary>
/// <param name="RepositoryFolder">A folder inside the git working tree (its root is found from it).</param>
/// <param name="BranchName">The new branch (see <see cref="DefaultBranchName"/>); it must not exist.</param>
/// <param name="Title">The commit's title: one line.</param>
/// <param name="Body">The commit's evidence text (may be empty); a list of the pins follows it.</param>
/// <param name="Pins">The methods to rewrite (at least one; several per file allowed).</param>
/// <param name="PatchPath">
/// Where to write the <c>.patch</c> (relative paths are taken from <paramref name="RepositoryFolder"/>); it must not
/// exist. Null (the default) for <c>&lt;git dir&gt;/sigil/patches/&lt;branch&gt;.patch</c> (see <see cref="PatchFolder"/>),
/// which is never part of the working tree, so the next publish still finds it clean. A path given here is used as
/// given, even inside the working tree: there an untracked patch makes the tree dirty and the next publish refuses
/// until it is moved, committed or ignored, which <see cref="PublishResult.Warnings"/> then says.
/// </param>
public sealed record PublishRequest(string RepositoryFolder, string BranchName, string Title, string Body, IReadOnlyList<PinRewrite> Pins, string? PatchPath = null)
{
    /// <summary>The prefix of default branch names.</summary>
    public const string BranchPrefix = "sigil/publish-";

    /// <summary>The folder of default patches, inside the repository's (common) git directory: <c>.git/sigil/patches</c>.</summary>
    public const string PatchFolder = "sigil/patches";

    /// <summary>The folder of default patches for a repository whose git directory is <paramref name="gitDirectory"/>.</summary>
    public static string PatchDirectory(string gitDirectory) => Path.Combine(gitDirectory, "sigil", "patches");

    /// <summary>The default patch's file name for a branch: <c>sigil/publish-1a2b3c4d5e6f</c> → <c>sigil-publish-1a2b3c4d5e6f.patch</c>.</summary>
    public static string DefaultPatchFileName(string branchName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branchName);
        return new string(branchName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray()) + ".patch";
    }

    private const int ShortIdLength = 12;

    /// <summary>How the sources are parsed (language version, preprocessor symbols); C# preview with no symbols when null.</summary>
    public CSharpParseOptions? ParseOptions { get; init; }

    /// <summary><c>sigil/publish-&lt;short id&gt;</c>: the first 12 letters and digits of the manifest id's last part.</summary>
    /// <exception cref="ArgumentException">The id has no letter or digit.</exception>
    public static string DefaultBranchName(string manifestId)
    {
        ArgumentNullException.ThrowIfNull(manifestId);
        var last = manifestId[(manifestId.LastIndexOfAny([':', '/', '@']) + 1)..];
        var shortId = new string(last.Where(char.IsAsciiLetterOrDigit).Take(ShortIdLength).ToArray()).ToLowerInvariant();
        return shortId.Length > 0
            ? BranchPrefix + shortId
            : throw new ArgumentException($"The manifest id '{manifestId}' has no letters or digits to name a branch after.", nameof(manifestId));
    }

    /// <summary>Checks what the caller must get right.</summary>
    /// <exception cref="ArgumentException">A required value is missing, or a one-line value has a line break.</exception>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(RepositoryFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(BranchName);
        if (PatchPath is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(PatchPath);
        }
        ArgumentNullException.ThrowIfNull(Body);
        ArgumentNullException.ThrowIfNull(Pins);
        OneLine(Title, "title");
        if (Pins.Count == 0)
        {
            throw new ArgumentException("A publish request needs at least one pin to rewrite.", nameof(Pins));
        }
        foreach (var pin in Pins)
        {
            ArgumentNullException.ThrowIfNull(pin, nameof(Pins));
            ArgumentException.ThrowIfNullOrWhiteSpace(pin.ApprovedMethod, nameof(Pins));
            OneLine(pin.QualifiedName, "pin's qualified name");
            OneLine(pin.CandidateId, "pin's candidate id");
            OneLine(pin.Evidence, "pin's evidence");
        }
    }

    private static void OneLine(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {what} must be one non-empty line, but is '{value}'.", what);
        }
    }
}
