namespace Sigil.Evaluation.Tests.Support;

/// <summary>The repository's samples/QuickStart project and its real build output (built before the tests).</summary>
internal static class QuickStartApp
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ProjectPath { get; } = Path.Combine(RepositoryRoot, "samples", "QuickStart", "QuickStart.csproj");

    /// <summary>The Debug build (what <c>dotnet build Sigil.sln</c> makes and what the session opens by default).</summary>
    public static string BuiltAssemblyPath { get; } = Path.Combine(RepositoryRoot, "samples", "QuickStart", "bin", "Debug", "net10.0", "QuickStart.dll");

    public const string KernelsKey = "Kernels.cs";

    public const string ProgramKey = "Program.cs";

    private static string FindRepositoryRoot()
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
