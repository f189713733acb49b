using Microsoft.CodeAnalysis.CSharp;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Lenses;

/// <summary>
/// A didChange's text is parsed from the previous version's tree (<see cref="PinScanner.Edited"/>): the tree, and the
/// pins found in it, must be exactly those of a fresh parse, whatever the edit (broken code included).
/// </summary>
[TestClass]
public sealed class IncrementalParseTests
{
    private static readonly string[] s_snippets =
    [
        "x", "\n", "{", "}", "(", ")", "\"", "/*", "*/", "//", ";", " ", "\r\n", "[Improve(\"quickstart\", Eval = nameof(RootError))]\n",
        "public static int Added(int v) => v;\n", "#if DEBUG\n", "#endif\n", "'", "@\"", "<", ">", "class C { }", "\t",
    ];

    [TestMethod]
    public void Edited_RandomEditsOfKernels_SameTreeAndPinsAsAFreshParse()
    {
        var random = new Random(20261206);
        var text = QuickStartProject.KernelsText;
        PinScanner.Parse(text);
        for (var i = 0; i < 400; i++)
        {
            var start = random.Next(text.Length + 1);
            var length = random.Next(4) == 0 ? random.Next(Math.Min(40, text.Length - start) + 1) : 0;
            var insert = random.Next(3) == 0 ? "" : s_snippets[random.Next(s_snippets.Length)];
            var next = string.Concat(text.AsSpan(0, start), insert, text.AsSpan(start + length));

            PinScanner.Edited(text, next);
            var incremental = PinScanner.Parse(next);
            var fresh = CSharpSyntaxTree.ParseText(next, PinScanner.ParseOptions);

            Assert.AreEqual(next, incremental.GetText().ToString(), $"edit {i}");
            Assert.AreEqual(next, incremental.GetRoot().ToFullString(), $"edit {i}");
            Assert.IsTrue(incremental.GetRoot().IsEquivalentTo(fresh.GetRoot(), topLevel: false), $"edit {i}: the incremental tree differs from a fresh parse");
            CollectionAssert.AreEqual(PinScanner.Scan(fresh).Select(p => p.QualifiedName).ToList(), PinScanner.Scan(incremental).Select(p => p.QualifiedName).ToList(), $"edit {i}");
            text = next;
        }
    }

    [TestMethod]
    public void Edited_TextNeverParsed_ParsedInFullWhenAsked()
    {
        var previous = new string(QuickStartProject.KernelsText.AsSpan());
        var next = previous.Replace("Root", "Root2", StringComparison.Ordinal);

        PinScanner.Edited(previous, next);

        CollectionAssert.AreEqual(new[] { "Kernels.Root2(double)", "Kernels.SumOfSquares(int[])" }, PinScanner.Scan(PinScanner.Parse(next)).Select(p => p.QualifiedName).ToList());
    }
}
