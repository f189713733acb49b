using Sigil.Candidates.Parsing;
using Sigil.Candidates.Tests.Fixtures;

namespace Sigil.Candidates.Tests.Parsing;

[TestClass]
public sealed class EditParserTests
{
    [TestMethod]
    public void Parse_OneSearchReplaceBlock_ReturnsItsLines()
    {
        var answer = "<<<<<<< SEARCH\n        for (var i = 0; i < 40; i++)\n=======\n        for (var i = 0; i < 8; i++)\n>>>>>>> REPLACE\n";

        var edit = (SearchReplaceEdit)EditParser.Parse(answer);

        Assert.HasCount(1, edit.Blocks);
        Assert.IsNull(edit.Blocks[0].FilePath);
        Assert.AreEqual("        for (var i = 0; i < 40; i++)\n", edit.Blocks[0].Search);
        Assert.AreEqual("        for (var i = 0; i < 8; i++)\n", edit.Blocks[0].Replace);
        Assert.IsNull(edit.Failure);
    }

    [TestMethod]
    public void Parse_SeveralBlocksWithFileNamesInFences_ReturnsEachWithItsPath()
    {
        var edit = (SearchReplaceEdit)EditParser.Parse(MiniProject.TwoFileAnswer);

        Assert.HasCount(2, edit.Blocks);
        Assert.AreEqual("src/Geometry/Vector.cs", edit.Blocks[0].FilePath);
        Assert.AreEqual("src/Geometry/VectorMath.cs", edit.Blocks[1].FilePath);
        Assert.HasCount(3, edit.Blocks[0].ReplaceLines);
        Assert.AreEqual(string.Empty, edit.Blocks[0].ReplaceLines[1]);
    }

    [TestMethod]
    public void Parse_ProseAroundAndCrlf_ExtractsBlocksWithoutCarriageReturns()
    {
        var answer = "I would reduce the iterations.\r\n\r\n**samples/QuickStart/Kernels.cs**\r\n<<<<<<< SEARCH\r\n            guess = 0.5 * (guess + x / guess);\r\n=======\r\n            guess = (guess + x / guess) / 2;\r\n>>>>>>> REPLACE\r\n\r\n"
            + "And a second one:\r\n<<<<<<< SEARCH\r\n        return guess;\r\n=======\r\n        return guess; // done\r\n>>>>>>> REPLACE\r\nThat's all!";

        var edit = (SearchReplaceEdit)EditParser.Parse(answer);

        Assert.HasCount(2, edit.Blocks);
        Assert.AreEqual("samples/QuickStart/Kernels.cs", edit.Blocks[0].FilePath);
        Assert.IsNull(edit.Blocks[1].FilePath);
        Assert.AreEqual("            guess = (guess + x / guess) / 2;\n", edit.Blocks[0].Replace);
        Assert.IsFalse(edit.Blocks.Any(b => b.Search.Contains('\r') || b.Replace.Contains('\r')));
    }

    [TestMethod]
    public void Parse_EmptyReplace_DeletesLines()
    {
        var edit = (SearchReplaceEdit)EditParser.Parse("<<<<<<< SEARCH\nx\n=======\n>>>>>>> REPLACE");

        Assert.AreEqual(string.Empty, edit.Blocks[0].Replace);
        Assert.IsEmpty(edit.Blocks[0].ReplaceLines);
    }

    [TestMethod]
    [DataRow("csharp")]
    [DataRow("cs")]
    [DataRow("c#")]
    [DataRow("C#")]
    [DataRow("")]
    public void Parse_WholeMethodInCSharpFence_ReturnsMethodReplacement(string label)
    {
        var edit = (MethodReplacementEdit)EditParser.Parse(QuickStart.Fenced(QuickStart.RootMethod, label));

        Assert.AreEqual(QuickStart.RootMethod + "\n", edit.MethodSource);
    }

    [TestMethod]
    public void Parse_OtherFenceBesideTheMethod_TakesTheCSharpMethod()
    {
        var answer = "Run this first:\n```bash\ndotnet test\n```\nThen:\n```csharp\n" + QuickStart.RootMethod + "\n```\n";

        Assert.IsInstanceOfType<MethodReplacementEdit>(EditParser.Parse(answer));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("  \r\n\t ")]
    public void Parse_NullOrWhitespace_Empty(string? answer)
    {
        AssertFailure(EditParser.Parse(answer), CandidateFailureKind.Empty);
    }

    [TestMethod]
    public void Parse_ProseWithoutCode_NoEditFound()
    {
        var failure = AssertFailure(EditParser.Parse("I think the method is already optimal.\n=======\nNo change needed."), CandidateFailureKind.NoEditFound);

        StringAssert.Contains(failure.Message, "SEARCH/REPLACE");
    }

    [TestMethod]
    [DataRow("<<<<<<< SEARCH\na\n>>>>>>> REPLACE\n", "no '=======' line")]
    [DataRow("<<<<<<< SEARCH\na\n=======\nb\n", "never closed")]
    [DataRow("=======\nb\n>>>>>>> REPLACE\n", "without a '<<<<<<< SEARCH'")]
    [DataRow("<<<<<<< SEARCH\na\n=======\nb\n<<<<<<< SEARCH\n", "not closed")]
    [DataRow("<<<<<<< SEARCH\na\n=======\nb\n=======\nc\n>>>>>>> REPLACE\n", "second '======='")]
    [DataRow("<<<<<<< SEARCH\na\n<<<<<<< SEARCH\n", "no '=======' line")]
    public void Parse_UnbalancedMarkers_MalformedBlock(string answer, string detail)
    {
        var failure = AssertFailure(EditParser.Parse(answer), CandidateFailureKind.MalformedBlock);

        StringAssert.Contains(failure.Message, detail);
    }

    [TestMethod]
    public void Parse_UnclosedFence_MalformedBlock()
    {
        AssertFailure(EditParser.Parse("```csharp\npublic static double Root(double x)\n{\n"), CandidateFailureKind.MalformedBlock);
    }

    [TestMethod]
    public void Parse_PythonFence_NotCSharp()
    {
        var failure = AssertFailure(EditParser.Parse("```python\ndef root(x):\n    return x ** 0.5\n```"), CandidateFailureKind.NotCSharp);

        StringAssert.Contains(failure.Message, "python");
    }

    [TestMethod]
    [DataRow("public static double A(double x) => x;\npublic static double B(double x) => x;", "2 members")]
    [DataRow("public static class Kernels\n{\n    public static double Root(double x) => x;\n}", "type")]
    [DataRow("var y = Math.Sqrt(x);\nreturn y;", "statements")]
    [DataRow("public static double Root(double x)\n{\n    return x\n}", "does not parse")]
    [DataRow("public int Value { get; set; }", "property Value")]
    public void Parse_FenceThatIsNotOneMethod_NotOneMethod(string code, string detail)
    {
        var failure = AssertFailure(EditParser.Parse(QuickStart.Fenced(code)), CandidateFailureKind.NotOneMethod);

        StringAssert.Contains(failure.Message, detail);
    }

    [TestMethod]
    public void Parse_TwoMethodFences_NotOneMethod()
    {
        var answer = QuickStart.Fenced(QuickStart.RootMethod) + "\nOr alternatively:\n" + QuickStart.Fenced(QuickStart.RootMethod.Replace("40", "20"));

        var failure = AssertFailure(EditParser.Parse(answer), CandidateFailureKind.NotOneMethod);

        StringAssert.Contains(failure.Message, "2 C# code blocks");
    }

    [TestMethod]
    public void Parse_RandomGarbage_NeverThrows()
    {
        var pieces = new[] { "<<<<<<< SEARCH", "=======", ">>>>>>> REPLACE", "```", "```csharp", "```python", "x", "public static int M() => 1;", "{", "}", "", "Kernels.cs", "\r", "\t" };
        var random = new Random(1234);
        for (var i = 0; i < 500; i++)
        {
            var answer = string.Join(random.Next(2) == 0 ? "\n" : "\r\n", Enumerable.Range(0, random.Next(12)).Select(_ => pieces[random.Next(pieces.Length)]));

            var result = EditParser.Parse(answer);

            Assert.IsTrue(result is ProposedEdit || result.Failure is { Message.Length: > 0 }, answer);
        }
    }

    private static CandidateFailure AssertFailure(EditParseResult result, CandidateFailureKind kind)
    {
        var failure = result.Failure;
        Assert.IsNotNull(failure, $"expected {kind}, got {result}");
        Assert.AreEqual(kind, failure.Kind, failure.Message);
        Assert.IsInstanceOfType<NoUsableEdit>(result);
        return failure;
    }
}
