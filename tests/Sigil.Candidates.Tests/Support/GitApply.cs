using System.Diagnostics;

namespace Sigil.Candidates.Tests.Support;

/// <summary>Applies a unified diff with the real <c>git apply</c> in a fresh temporary folder and reads the files back.</summary>
internal static class GitApply
{
    public static IReadOnlyDictionary<string, string> Run(IReadOnlyDictionary<string, string> sources, string diff)
    {
        var folder = Directory.CreateTempSubdirectory("sigil-candidates-").FullName;
        try
        {
            foreach (var (path, text) in sources)
            {
                var full = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            File.WriteAllText(Path.Combine(folder, "candidate.diff"), diff);
            var start = new ProcessStartInfo("git", "apply --verbose candidate.diff")
            {
                WorkingDirectory = folder,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEndAsync();
            var error = git.StandardError.ReadToEnd();
            git.WaitForExit();
            Assert.AreEqual(0, git.ExitCode, $"git apply failed: {error}{output.Result}\n{diff}");
            return sources.Keys.ToDictionary(path => path, path => File.ReadAllText(Path.Combine(folder, path)), StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
