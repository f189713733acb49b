extern alias generators;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Generators.Tests.Infrastructure;
using FunctionIdBuilder = generators::Sigil.Generators.Identity.FunctionIdBuilder;

namespace Sigil.Generators.Tests.Identity;

/// <summary>The FunctionIDs the generator computes at compile time (carried by [SigilPin] and the descriptors).</summary>
[TestClass]
public sealed class FunctionIdBuilderTests
{
    private const string Square = """
        namespace QuickStart;
        public static class Calc
        {
            [Sigil.Improve("quickstart", Eval = nameof(Score), Workspace = "v1")]
            public static int Square(int x) => x * x;
            public static double Score(int x, int result) => result;
        }
        """;

    private static string IdOf(string source, IReadOnlyDictionary<string, string>? properties = null) =>
        GeneratorHarness.RunWithSpec(source, properties).AssertCompilesCleanly().FunctionIds.Single();

    private static string AbiHashOf(string source, IReadOnlyDictionary<string, string>? properties = null) =>
        FunctionId.Parse(IdOf(source, properties)).AbiHash;

    [TestMethod]
    public void Build_StaticPin_ParsesWithCoreAndHasEveryPart()
    {
        var id = FunctionId.Parse(IdOf(Square));

        Assert.AreEqual(GeneratorHarness.AssemblyName, id.Package);
        Assert.AreEqual(GeneratorHarness.Commit, id.Commit);
        Assert.AreEqual("QuickStart", id.Module);
        Assert.AreEqual("Calc.Square(int)", id.QualifiedName);
        Assert.AreEqual(64, id.AbiHash.Length);
    }

    [TestMethod]
    public void Build_SameMethodAndCompilation_AbiHashEqualsCoreComputation()
    {
        var run = GeneratorHarness.RunWithSpec(Square).AssertCompilesCleanly();
        var tree = run.Input.SyntaxTrees.First();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Square");

        var preimage = AbiPreimage.Build(
            AbiNormalizer.NormalizeMethod(method),
            ((CSharpParseOptions)tree.Options).LanguageVersion.ToDisplayString(),
            "net10.0",
            ".NETCoreApp,Version=v10.0",
            run.Input.ReferencedAssemblyNames.Select(a => a.Name + "/" + a.Version));

        Assert.AreEqual(Blake3Digest.Hex(preimage), FunctionId.Parse(run.FunctionIds.Single()).AbiHash);
    }

    [TestMethod]
    public void Build_MissingFrameworkProperties_HashesUnknownLikeCore()
    {
        var properties = GeneratorHarness.DefaultProperties();
        properties.Remove("build_property.TargetFramework");
        properties.Remove("build_property.TargetFrameworkMoniker");
        var run = GeneratorHarness.RunWithSpec(Square, properties).AssertCompilesCleanly();
        var tree = run.Input.SyntaxTrees.First();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Square");

        var preimage = AbiPreimage.Build(
            AbiNormalizer.NormalizeMethod(method),
            ((CSharpParseOptions)tree.Options).LanguageVersion.ToDisplayString(),
            "unknown",
            "unknown",
            run.Input.ReferencedAssemblyNames.Select(a => a.Name + "/" + a.Version));

        Assert.AreEqual(Blake3Digest.Hex(preimage), FunctionId.Parse(run.FunctionIds.Single()).AbiHash);
    }

    [TestMethod]
    public void Build_ParameterTypes_UseKeywordsAndFullyQualifiedNamesWithoutSpaces()
    {
        var id = FunctionId.Parse(IdOf("""
            using System.Collections.Generic;
            namespace Geometry;
            public static class Shapes
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static double Area(double w, List<int> sides, int? n, string[] names, (int A, string B) pair, Dictionary<string, List<long>> map) => w;
                public static double Score(double w, List<int> sides, int? n, string[] names, (int, string) pair, Dictionary<string, List<long>> map, double result) => result;
            }
            """));

        Assert.AreEqual("Geometry", id.Module);
        Assert.AreEqual(
            "Shapes.Area(double,System.Collections.Generic.List<int>,int?,string[],(int,string),System.Collections.Generic.Dictionary<string,System.Collections.Generic.List<long>>)",
            id.QualifiedName);
    }

    [TestMethod]
    public void Build_NestedTypeInGlobalNamespace_ModuleIsGlobal()
    {
        var id = FunctionId.Parse(IdOf("""
            public static class Outer
            {
                public static class Inner
                {
                    [Sigil.Improve("quickstart", Eval = nameof(Score))]
                    public static int M() => 1;
                    public static int Score(int result) => result;
                }
            }
            """));

        Assert.AreEqual("global", id.Module);
        Assert.AreEqual("Outer.Inner.M()", id.QualifiedName);
    }

    [TestMethod]
    public void Build_WhitespaceAndComments_DoNotChangeTheAbiHash()
    {
        var reformatted = """
            namespace QuickStart;
            public static class Calc
            {
                /// <summary>Squares.</summary>
                [Sigil.Improve("quickstart", Eval = nameof(Score), Workspace = "v1")]
                public   static int Square( int x )
                    // the product
                    => x*x; /* done */
                public static double Score(int x, int result) => result;
            }
            """;

        Assert.AreEqual(AbiHashOf(Square), AbiHashOf(reformatted));
    }

    [TestMethod]
    public void Build_ImproveAttributeArguments_DoNotChangeTheAbiHash()
    {
        Assert.AreEqual(AbiHashOf(Square), AbiHashOf(Square.Replace("Workspace = \"v1\"", "Workspace = \"v2\"")));
    }

    [TestMethod]
    [DataRow("x * x", "x * x + 0")]
    [DataRow("x * x", "x + x")]
    [DataRow("int x", "int y")]
    public void Build_TokenChange_ChangesTheAbiHash(string from, string to)
    {
        var changed = Square.Replace(from, to).Replace("=> y * y", "=> y * y");
        if (to == "int y")
        {
            changed = changed.Replace("=> x * x", "=> y * y");
        }

        Assert.AreNotEqual(AbiHashOf(Square), AbiHashOf(changed));
    }

    [TestMethod]
    public void Build_TargetFrameworkChange_ChangesTheAbiHash()
    {
        var properties = GeneratorHarness.DefaultProperties();
        properties["build_property.TargetFramework"] = "net9.0";

        Assert.AreNotEqual(AbiHashOf(Square), AbiHashOf(Square, properties));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("not-a-commit")]
    [DataRow("0123456789ABCDEF0123456789ABCDEF01234567")]
    [DataRow("0123456789abcdef0123456789abcdef0123456")]
    public void Build_MissingOrMalformedCommit_Uses40Zeros(string? commit)
    {
        var properties = GeneratorHarness.DefaultProperties();
        if (commit is null)
        {
            properties.Remove("build_property.SigilGitCommit");
        }
        else
        {
            properties["build_property.SigilGitCommit"] = commit;
        }

        Assert.AreEqual(FunctionId.NoCommit, FunctionId.Parse(IdOf(Square, properties)).Commit);
    }

    [TestMethod]
    public void Build_Sha256Commit_IsKept()
    {
        var commit = string.Concat(Enumerable.Repeat("0123456789abcdef", 4));
        var properties = GeneratorHarness.DefaultProperties();
        properties["build_property.SigilGitCommit"] = commit;

        Assert.AreEqual(commit, FunctionId.Parse(IdOf(Square, properties)).Commit);
    }

    [TestMethod]
    [DataRow("QuickStart", "QuickStart")]
    [DataRow("My App+1", "My_App_1")]
    [DataRow("", "unknown")]
    [DataRow(null, "unknown")]
    [DataRow("Lib.Core-2", "Lib.Core-2")]
    public void Package_AssemblyName_KeepsOnlyCharactersAFunctionIdAllows(string? assemblyName, string expected)
    {
        Assert.AreEqual(expected, FunctionIdBuilder.Package(assemblyName));
    }
}
