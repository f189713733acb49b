using System.Text.Json;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Integration;

/// <summary>What a new user does: add the Sigil.Runtime package to a fresh app, pin a method, track; install the sigil tool.</summary>
[TestClass]
[DoNotParallelize]
public sealed class PackageConsumerTests
{
    private static string Pack(string project, string output)
    {
        var result = Shell.Run(Shell.RepositoryRoot(), "dotnet", ["pack", project, "-c", "Release", "-o", output, "-nologo", "-v", "q"]);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return output;
    }

    [TestMethod]
    public void FreshApp_WithTheRuntimePackage_PinsAreRoutedAndTracked()
    {
        using var folder = new TempFolder();
        var feed = folder.Combine("feed");
        // The runtime's resolver verifies manifests with Sigil.Manifests (and Sigil.Identity): packages of their own.
        Pack("server/Sigil.Identity/Sigil.Identity.csproj", feed);
        Pack("server/Sigil.Manifests/Sigil.Manifests.csproj", feed);
        Pack("server/Sigil.Runtime/Sigil.Runtime.csproj", feed);
        var app = Directory.CreateDirectory(folder.Combine("app")).FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        File.WriteAllText(Path.Combine(app, "MyApp.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Sigil.Runtime" Version="0.1.0" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Sigil;
            [assembly: Spec("demo", Description = "first pin")]
            for (var i = 0; i < 5; i++) Console.WriteLine(Calc.Fib(10 + i));
            public static class Calc
            {
                [Improve("demo", Eval = nameof(Score))]
                public static long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
                public static double Score(int n, long result) => result;
            }
            """);
        Shell.Run(app, "git", ["init", "-q"]);

        // A private package cache: the global one may hold an older Sigil.Runtime 0.1.0.
        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = folder.Combine("packages") };
        var build = Shell.Run(app, "dotnet", ["build", "-nologo", "-v", "q"], isolated);
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        SigilCli.Run(app, "init");
        SigilCli.Run(app, "tracker", "start");
        var run = Shell.Run(app, "dotnet", ["run", "--no-build"]);
        var samples = JsonDocument.Parse(SigilCli.Run(app, "inspect-samples", "demo", "--json").StandardOutput).RootElement;
        var pins = JsonDocument.Parse(SigilCli.Run(app, "inspect-pins", "--json").StandardOutput).RootElement;

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(5, samples.GetProperty("count").GetInt32(), "five outer calls; recursion inside the pin stays direct");
        var scores = samples.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("metrics").GetProperty("score").GetDouble()).ToArray();
        CollectionAssert.AreEqual(new[] { 55.0, 89, 144, 233, 377 }, scores);
        var functionId = pins.GetProperty("pins")[0].GetProperty("function_id").GetString()!;
        StringAssert.StartsWith(functionId, "sigil://MyApp@0000000000000000000000000000000000000000/global:Calc.Fib(int)#", "a repository without commits has no HEAD");
        Assert.AreEqual(functionId, samples.GetProperty("records")[0].GetProperty("function_id").GetString());
    }

    [TestMethod]
    public void SigilTool_PackedAndInstalled_RunsAsSigil()
    {
        using var folder = new TempFolder();
        var feed = Pack("server/Sigil.Cli/Sigil.Cli.csproj", folder.Combine("feed"));
        var tools = folder.Combine("tools");

        var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = folder.Combine("packages") };
        var install = Shell.Run(folder.Path, "dotnet", ["tool", "install", "Sigil.Cli", "--tool-path", tools, "--add-source", feed, "--version", "0.1.0"], isolated);
        var help = Shell.Run(folder.Path, Path.Combine(tools, "sigil"), ["--help"]);

        Assert.AreEqual(0, install.ExitCode, install.ToString());
        Assert.AreEqual(0, help.ExitCode, help.ToString());
        StringAssert.Contains(help.StandardOutput, "inspect-samples");
    }
}
