using Sigil.Core.Identity;
using Sigil.Projects.Pins;

namespace Sigil.Trust.Tests.Support;

/// <summary>
/// The real samples/QuickStart: its sources and its build output (built before the tests through the project reference),
/// whose pin catalog holds the FunctionIDs the generator computed.
/// </summary>
internal static class QuickStartSample
{
    public const string RootPin = "Kernels.Root(double)";
    public const string SumPin = "Kernels.SumOfSquares(int[])";
    public static readonly string[] SourceFiles = ["Kernels.cs", "Program.cs", "QuickStartSpec.cs", "QuickStart.csproj", "sigil.json"];

    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sigil.sln")))
            {
                return Path.Combine(directory.FullName, "samples", "QuickStart");
            }
        }
        throw new InvalidOperationException("Cannot find the repository root (Sigil.sln) above " + AppContext.BaseDirectory);
    });

    /// <summary>The sample's folder in this repository.</summary>
    public static string Directory => Folder.Value;

    /// <summary>The newest built QuickStart.dll.</summary>
    public static string Assembly => BuildOutputLocator.Find(Path.Combine(Directory, "QuickStart.csproj")).AssemblyPath;

    /// <summary>The FunctionIDs of the built assembly by qualname.</summary>
    public static IReadOnlyDictionary<string, FunctionId> Functions() =>
        PinCatalogReader.Read(Assembly).Select(p => FunctionId.Parse(p.FunctionId)).ToDictionary(f => f.QualifiedName);

    public const string FastRoot = """
        public static double Root(double x)
        {
            if (x <= 0)
            {
                return 0;
            }
            return Math.Sqrt(x);
        }
        """;

    public const string FasterRoot = """
        public static double Root(double x)
        {
            return x <= 0 ? 0 : Math.Sqrt(x);
        }
        """;

    public const string FastSum = """
        public static long SumOfSquares(int[] values)
        {
            long total = 0;
            foreach (var v in values)
            {
                total += (long)v * v;
            }
            return total;
        }
        """;
}
