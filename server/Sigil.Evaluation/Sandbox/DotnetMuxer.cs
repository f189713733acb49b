using System.Runtime.InteropServices;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// Finds the <c>dotnet</c> executable (the muxer) that runs the worker. <see cref="Environment.ProcessPath"/> is not it
/// when the host is an apphost (the installed <c>sigil</c> tool) or a test host, so: DOTNET_HOST_PATH (set by the SDK for
/// the processes it starts), the process itself if it is dotnet, the root of the running runtime
/// (<c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c>), DOTNET_ROOT, then PATH. Symbolic links are resolved
/// (<c>/usr/bin/dotnet</c> → <c>/usr/share/dotnet/dotnet</c>), so the .NET root is the muxer's directory.
/// </summary>
internal static class DotnetMuxer
{
    private static readonly string FileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    /// <summary>The muxer's resolved path, or null if none is found.</summary>
    public static string? Find()
    {
        foreach (var candidate in Candidates())
        {
            if (candidate is null || !File.Exists(candidate)) continue;
            return Resolve(candidate);
        }

        return null;
    }

    /// <summary><paramref name="path"/> with symbolic links resolved.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static IEnumerable<string?> Candidates()
    {
        yield return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (Environment.ProcessPath is { } self && Path.GetFileName(self).Equals(FileName, StringComparison.OrdinalIgnoreCase)) yield return self;
        var runtime = RuntimeEnvironment.GetRuntimeDirectory(); // <root>/shared/Microsoft.NETCore.App/<version>/
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(runtime))));
        if (root is not null) yield return Path.Combine(root, FileName);
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot) yield return Path.Combine(dotnetRoot, FileName);
        yield return IsolationProbe.FindOnPath(FileName);
    }
}
