using System.Security.Cryptography;
using System.Text;

namespace Sigil.Publishing.Tests.Support;

/// <summary>
/// Everything a publication could change, as one comparable text: the checked-out branch, every ref and where it
/// points, git status, and the hash of every file in the working tree (ignored ones included; .git excluded).
/// </summary>
internal static class RepositorySnapshot
{
    public static string Take(TestRepository repository)
    {
        var builder = new StringBuilder();
        builder.Append("branch ").Append(repository.CurrentBranch).Append('\n');
        builder.Append(repository.Git("for-each-ref", "--format=%(refname) %(objectname)"));
        builder.Append("status\n").Append(repository.Git("status", "--porcelain=v1", "--untracked-files=all", "--ignored"));
        var files = Directory.EnumerateFiles(repository.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repository.Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            builder.Append(file).Append(' ').Append(Convert.ToHexString(SHA256.HashData(repository.Read(file)))).Append('\n');
        }
        return builder.ToString();
    }
}
