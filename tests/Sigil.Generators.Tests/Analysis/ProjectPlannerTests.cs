extern alias generators;

using ProjectPlanner = generators::Sigil.Generators.Analysis.ProjectPlanner;

namespace Sigil.Generators.Tests.Analysis;

[TestClass]
public sealed class ProjectPlannerTests
{
    [TestMethod]
    [DataRow("/src/app/Program.cs", "/src/app", "Program.cs")]
    [DataRow("/src/app/Kernels/Calc.cs", "/src/app/", "Kernels/Calc.cs")]
    [DataRow(@"C:\src\app\Kernels\Calc.cs", @"C:\src\App", "Kernels/Calc.cs")]
    [DataRow("/src/other/Calc.cs", "/src/app", "/src/other/Calc.cs")]
    [DataRow("/src/application/Calc.cs", "/src/app", "/src/application/Calc.cs")]
    [DataRow("/src/app/Calc.cs", "", "/src/app/Calc.cs")]
    public void RelativePath_FileAndProjectDirectory_IsRelativeWithForwardSlashes(string path, string directory, string expected)
    {
        Assert.AreEqual(expected, ProjectPlanner.RelativePath(path, directory));
    }
}
