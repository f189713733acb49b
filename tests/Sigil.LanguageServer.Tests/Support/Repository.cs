namespace Sigil.LanguageServer.Tests.Support;

/// <summary>Paths in the repository and the test output.</summary>
internal static class Repository
{
    /// <summary>The repository root (the folder holding Sigil.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>samples/QuickStart.</summary>
    public static string QuickStart => Path.Combine(Root, "samples", "QuickStart");

    /// <summary>The built server next to the tests.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "sigil-lsp.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sigil.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Sigil.sln not found above " + AppContext.BaseDirectory);
    }
}
