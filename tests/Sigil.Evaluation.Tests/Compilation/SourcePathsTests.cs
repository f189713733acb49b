using Sigil.Evaluation.Compilation;

namespace Sigil.Evaluation.Tests.Compilation;

[TestClass]
public sealed class SourcePathsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repo");

    [TestMethod]
    public void KeyOf_FileUnderTheRoot_RelativeWithForwardSlashes()
    {
        var paths = new SourcePaths(Root + Path.DirectorySeparatorChar);

        Assert.AreEqual("samples/QuickStart/Kernels.cs", paths.KeyOf(Path.Combine(Root, "samples", "QuickStart", "Kernels.cs")));
        Assert.IsNull(paths.KeyOf(Path.Combine(Path.GetTempPath(), "repo2", "Kernels.cs")));
    }

    [TestMethod]
    public void Resolve_KeyRelativePathOrFullPath_SameFullPath()
    {
        var paths = new SourcePaths(Root);
        var full = Path.Combine(Root, "src", "A.cs");

        Assert.AreEqual(full, paths.Resolve("src/A.cs"));
        Assert.AreEqual(full, paths.Resolve("src\\A.cs"));
        Assert.AreEqual(full, paths.Resolve("./src/../src/A.cs"));
        Assert.AreEqual(full, paths.Resolve(full));
    }

    [TestMethod]
    public void Display_OutsideTheRoot_PathAsGiven()
    {
        var paths = new SourcePaths(Root);

        Assert.AreEqual("src/A.cs", paths.Display(Path.Combine(Root, "src", "A.cs")));
        Assert.AreEqual("Gen/Gen.Generator/Out.g.cs", paths.Display("Gen/Gen.Generator/Out.g.cs"));
    }
}
