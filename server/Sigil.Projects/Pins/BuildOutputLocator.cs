using System.Xml.Linq;

namespace Sigil.Projects.Pins;

/// <summary>Finds a project's most recent build output under <c>bin/</c>.</summary>
public static class BuildOutputLocator
{
    /// <summary>The build output found, and whether a source file is newer than it.</summary>
    /// <param name="AssemblyPath">The newest built assembly.</param>
    /// <param name="Stale">True when some .cs file of the project changed after the build (bin/, obj/ and hidden folders such as
    /// .sigil/, which holds the workspaces' materialized candidates, do not count).</param>
    public sealed record BuildOutput(string AssemblyPath, bool Stale);

    /// <summary>Locates the assembly built from <paramref name="projectFile"/> (a .csproj path).</summary>
    public static BuildOutput Find(string projectFile)
    {
        if (!File.Exists(projectFile))
        {
            throw new SigilProjectException($"Project file {projectFile} does not exist; set it with 'sigil config set project NAME.csproj'.");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var name = AssemblyName(projectFile);
        var bin = Path.Combine(directory, "bin");
        var candidates = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, name + ".dll", SearchOption.AllDirectories).Select(p => new FileInfo(p)).ToList()
            : [];
        if (candidates.Count == 0)
        {
            throw new SigilProjectException($"No build output of {Path.GetFileName(projectFile)} under {bin}; run 'dotnet build' first.");
        }
        var newest = candidates.OrderByDescending(f => f.LastWriteTimeUtc).First();
        var stale = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(p => IsProjectSource(directory, p))
            .Any(p => File.GetLastWriteTimeUtc(p) > newest.LastWriteTimeUtc);
        return new BuildOutput(newest.FullName, stale);
    }

    private static string AssemblyName(string projectFile)
    {
        try
        {
            var declared = XDocument.Load(projectFile).Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value;
            return string.IsNullOrWhiteSpace(declared) ? Path.GetFileNameWithoutExtension(projectFile) : declared.Trim();
        }
        catch (System.Xml.XmlException ex)
        {
            throw new SigilProjectException($"{projectFile} is not valid XML ({ex.Message}).", ex);
        }
    }

    private static bool IsProjectSource(string directory, string path)
    {
        var folders = Path.GetRelativePath(directory, path).Split(Path.DirectorySeparatorChar)[..^1];
        return folders.Length == 0 || (folders[0] is not ("bin" or "obj") && !folders.Any(f => f.StartsWith('.')));
    }
}
