using Microsoft.CodeAnalysis.CSharp;
using Sigil.Publishing.Git;

namespace Sigil.Publishing.Rewriting;

/// <summary>
/// Computes every file's new content in memory, before anything is written: checks each pin's path (inside the
/// repository, existing, tracked), decodes the file, and rewrites all of its pins with <see cref="MethodRewriter"/>.
/// Any problem is a <see cref="PublishRefusedException"/>; files whose text does not change are left out.
/// </summary>
internal static class RewritePlanner
{
    public static async Task<IReadOnlyList<FileRewrite>> PlanAsync(
        GitRepository repository, IReadOnlyList<PinRewrite> pins, CSharpParseOptions? parseOptions, CancellationToken cancellationToken)
    {
        var byFile = pins.GroupBy(pin => RelativePath(repository.Root, pin.FilePath), StringComparer.Ordinal).ToList();
        var tracked = await repository.GetTrackedAsync(byFile.Select(g => g.Key), cancellationToken).ConfigureAwait(false);
        var rewrites = new List<FileRewrite>();
        foreach (var file in byFile)
        {
            var fullPath = Path.Combine(repository.Root, file.Key);
            if (!tracked.Contains(file.Key))
            {
                throw File.Exists(fullPath)
                    ? new PublishRefusedException(RefusalReasons.FileNotTracked,
                        $"'{file.Key}' is not tracked by git, so a commit cannot carry its change; add and commit it first.")
                    : new PublishRefusedException(RefusalReasons.FileNotFound,
                        $"'{file.Key}' does not exist in '{repository.Root}'; the source moved since the candidate was approved. Make a new candidate for the current code.");
            }
            var bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
            var original = EncodedText.TryDecode(bytes) ?? throw new PublishRefusedException(RefusalReasons.UnsupportedEncoding,
                $"'{file.Key}' is not UTF-8 (or UTF-16/32 with a byte-order mark), so it cannot be rewritten without changing other bytes; convert it to UTF-8 and commit it first.");
            var text = MethodRewriter.RewriteAll(original.Text, file.Select(pin => pin with { FilePath = file.Key }), parseOptions);
            if (!string.Equals(text, original.Text, StringComparison.Ordinal))
            {
                rewrites.Add(new FileRewrite(file.Key, fullPath, original.Encode(text)));
            }
        }
        if (rewrites.Count == 0)
        {
            throw new PublishRefusedException(RefusalReasons.NothingToChange,
                "Every approved method is already in the source, so there is nothing to publish.");
        }
        return rewrites;
    }

    /// <summary>The path relative to the root with forward slashes; refuses absolute paths and paths that leave the root.</summary>
    private static string RelativePath(string root, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path))
        {
            throw InvalidPath(path);
        }
        var full = Path.GetFullPath(Path.Combine(root, path));
        var relative = Path.GetRelativePath(root, full);
        if (relative == "." || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw InvalidPath(path);
        }
        return relative.Replace('\\', '/');
    }

    private static PublishRefusedException InvalidPath(string path) => new(
        RefusalReasons.InvalidPath,
        $"The pin's file path '{path}' is not a file inside the repository; give it relative to the repository root (e.g. src/Kernels.cs).");
}
