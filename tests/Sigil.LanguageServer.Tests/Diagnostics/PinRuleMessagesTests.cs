using System.Text.RegularExpressions;
using Sigil.LanguageServer.Diagnostics;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Diagnostics;

/// <summary>The server's copy of the generator's messages matches the generator's source, word for word.</summary>
[TestClass]
public sealed class PinRuleMessagesTests
{
    [TestMethod]
    [DataRow(PinRuleMessages.EvalNotFoundId, PinRuleMessages.EvalNotFound)]
    [DataRow(PinRuleMessages.UnsupportedPinShapeId, PinRuleMessages.UnsupportedPinShape)]
    [DataRow(PinRuleMessages.MissingEvalId, PinRuleMessages.MissingEval)]
    public void Message_SameAsGenerator(string id, string format)
    {
        var source = File.ReadAllText(Path.Combine(Repository.Root, "server", "Sigil.Generators", "Diagnostics", "SigilDiagnostics.cs"));

        var match = Regex.Match(source, "id: \"" + id + "\",.*?messageFormat: (\"(?:[^\"\\\\]|\\\\.)*\")", RegexOptions.Singleline);

        Assert.IsTrue(match.Success, id + " not found in the generator");
        Assert.AreEqual(System.Text.Json.JsonSerializer.Deserialize<string>(match.Groups[1].Value), format);
    }
}
