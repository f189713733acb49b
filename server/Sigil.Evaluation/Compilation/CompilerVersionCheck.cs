using System.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;

namespace Sigil.Evaluation.Compilation;

/// <summary>
/// Compares the C# compiler of the SDK that builds the project with the one compiling candidates here. They should
/// be the same version: "LangVersion latest" means a different language in another compiler (C# 13 in Roslyn 4.14,
/// C# 14 in 5.x), which changes what compiles and the FunctionIDs' abi-hash (it includes the language version).
/// </summary>
internal static class CompilerVersionCheck
{
    /// <summary>
    /// A warning when the SDK's compiler (found next to the SDK's own analyzers among <paramref name="analyzerPaths"/>,
    /// <c>…/sdk/&lt;version&gt;/Sdks/…</c>) has another major.minor version than <paramref name="ourCompilerPath"/>; <c>null</c>
    /// when they agree or the SDK's compiler is not found.
    /// </summary>
    public static ProjectLoadDiagnostic? Check(IEnumerable<string?> analyzerPaths, string? ourCompilerPath = null)
    {
        ourCompilerPath ??= typeof(CSharpCompilation).Assembly.Location;
        if (string.IsNullOrEmpty(ourCompilerPath) || !File.Exists(ourCompilerPath))
        {
            return null;
        }
        foreach (var path in analyzerPaths)
        {
            if (SdkCompilerOf(path) is not { } sdkCompiler)
            {
                continue;
            }
            var theirs = FileVersionInfo.GetVersionInfo(sdkCompiler);
            var ours = FileVersionInfo.GetVersionInfo(ourCompilerPath);
            if (theirs.FileMajorPart == ours.FileMajorPart && theirs.FileMinorPart == ours.FileMinorPart)
            {
                return null;
            }
            return new ProjectLoadDiagnostic(false,
                $"The SDK builds this project with C# compiler {theirs.ProductVersion ?? theirs.FileVersion} ({sdkCompiler}) but Sigil compiles "
                + $"candidates with {ours.ProductVersion ?? ours.FileVersion}: language features of one may not compile in the other, and "
                + "FunctionIDs of the compiled candidates may differ from the build's. Use the Sigil release made for this SDK.");
        }
        return null;
    }

    /// <summary><c>&lt;root&gt;/sdk/&lt;v&gt;/Roslyn/bincore/Microsoft.CodeAnalysis.CSharp.dll</c> for a path under <c>&lt;root&gt;/sdk/&lt;v&gt;/Sdks/</c>, if it exists.</summary>
    private static string? SdkCompilerOf(string? analyzerPath)
    {
        if (string.IsNullOrEmpty(analyzerPath))
        {
            return null;
        }
        var separator = Path.DirectorySeparatorChar;
        var marker = analyzerPath.IndexOf($"{separator}Sdks{separator}", StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            return null;
        }
        var sdkFolder = analyzerPath[..marker];
        if (!string.Equals(Path.GetFileName(Path.GetDirectoryName(sdkFolder)), "sdk", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var compiler = Path.Combine(sdkFolder, "Roslyn", "bincore", "Microsoft.CodeAnalysis.CSharp.dll");
        return File.Exists(compiler) ? compiler : null;
    }
}
