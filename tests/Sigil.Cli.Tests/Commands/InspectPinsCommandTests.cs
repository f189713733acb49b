using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands;

[TestClass]
public sealed class InspectPinsCommandTests
{
    /// <summary>Builds a real assembly carrying the pin catalog the generator emits.</summary>
    private static string BuildAssembly(string folder, string name)
    {
        var source = $$"""
            [assembly: Sigil.Runtime.SigilPin("{{SampleWriter.FunctionId}}", "quickstart", "v1", "QuickStart.Kernels.RootError", "Kernels.cs", 9)]
            namespace QuickStart { public static class Kernels { public static double Root(double x) => x; } }
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Sigil.Runtime.SigilPinAttribute).Assembly.Location));
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(folder, name + ".dll");
        var emit = compilation.Emit(path);
        Assert.IsTrue(emit.Success, string.Join("\n", emit.Diagnostics));
        return path;
    }

    [TestMethod]
    public void InspectPins_BuiltAssembly_ListsPinsWithSampleCounts()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        SampleWriter.Write(folder.Path, "quickstart", 1, 2);
        var dll = BuildAssembly(folder.Path, "QuickStart");

        var table = SigilCli.Run(folder.Path, "inspect-pins", "--assembly", dll);
        var json = JsonDocument.Parse(SigilCli.Run(folder.Path, "inspect-pins", "--assembly", dll, "--json").StandardOutput).RootElement;

        Assert.AreEqual(0, table.ExitCode, table.ToString());
        StringAssert.Contains(table.StandardOutput, "QuickStart:Kernels.Root(double)");
        StringAssert.Contains(table.StandardOutput, "Kernels.cs:9");
        var pin = json.GetProperty("pins")[0];
        Assert.AreEqual(SampleWriter.FunctionId, pin.GetProperty("function_id").GetString());
        Assert.AreEqual(2, pin.GetProperty("samples").GetInt32());
    }

    [TestMethod]
    public void InspectPins_FindsTheNewestBuildOutputOfTheConfiguredProject()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("QuickStart.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        SigilCli.Run(folder.Path, "init");
        var output = Directory.CreateDirectory(folder.Combine("bin", "Debug", "net10.0")).FullName;
        BuildAssembly(output, "QuickStart");

        var result = SigilCli.Run(folder.Path, "inspect-pins");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.StandardOutput, "Kernels.Root(double)");
    }

    [TestMethod]
    public void InspectPins_NotBuilt_SaysToBuild()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("QuickStart.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        SigilCli.Run(folder.Path, "init");

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "inspect-pins"), 1, "dotnet build");
    }

    [TestMethod]
    public void InspectPins_NotAnAssembly_ClearError()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        File.WriteAllText(folder.Combine("fake.dll"), "not a PE file");

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "inspect-pins", "--assembly", "fake.dll"), 1, "fake.dll");
    }
}
