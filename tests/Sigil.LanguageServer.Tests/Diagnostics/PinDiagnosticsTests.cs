using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Diagnostics;

/// <summary>textDocument/publishDiagnostics for misused pins, with the generator's ids and words.</summary>
[TestClass]
public sealed class PinDiagnosticsTests
{
    private const string Misused = """
        using Sigil;
        namespace Demo;
        public static class Bad
        {
            [Improve("quickstart", Eval = nameof(Score))]
            public static T Same<T>(T x) => x;

            [Improve("quickstart")]
            public static int NoEval(int x) => x;

            [Improve("quickstart", Eval = nameof(Missing))]
            public static int WrongEval(int x) => x;

            [Improve("quickstart", Eval = nameof(Score))]
            public static void ByRef(ref int x) { }

            public static double Score(int x, int result) => 0;
        }
        """;

    [TestMethod]
    public async Task Open_MisusedPins_DiagnosticsWithGeneratorIds()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        var uri = new Uri(Path.Combine(project.Path, "Bad.cs")).AbsoluteUri;

        await client.OpenAsync(uri, Misused);
        var published = await client.WaitForEventAsync("textDocument/publishDiagnostics", d => d.GetProperty("uri").GetString() == uri);

        var diagnostics = published.GetProperty("diagnostics").EnumerateArray().ToList();
        var codes = diagnostics.Select(d => d.GetProperty("code").GetString()).ToList();
        CollectionAssert.AreEquivalent(new[] { "SIGIL005", "SIGIL007", "SIGIL001", "SIGIL005" }, codes, published.ToString());
        var generic = diagnostics.First(d => d.GetProperty("message").GetString()!.Contains("generic method", StringComparison.Ordinal));
        Assert.AreEqual("Pin 'Bad.Same' cannot be routed: it is a generic method; pin a non-generic static or class instance method with by-value parameters (a wrapper that calls this one) instead",
            generic.GetProperty("message").GetString());
        Assert.AreEqual(5, generic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.AreEqual(1, generic.GetProperty("severity").GetInt32());
        Assert.AreEqual("sigil", generic.GetProperty("source").GetString());
        StringAssert.Contains(diagnostics.Single(d => d.GetProperty("code").GetString() == "SIGIL001").GetProperty("message").GetString(), "Eval 'Missing' of pin 'Bad.WrongEval' is not a method of 'Bad'");
        StringAssert.Contains(diagnostics.Single(d => d.GetProperty("code").GetString() == "SIGIL007").GetProperty("message").GetString(), "'static double Score(int x, int result)'");
        StringAssert.Contains(string.Join("\n", codes.Zip(diagnostics).Select(z => z.Second.GetProperty("message").GetString())), "parameter 'x' is passed by reference (ref)");
    }

    [TestMethod]
    public async Task Change_FixesThePins_DiagnosticsCleared()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        var uri = new Uri(Path.Combine(project.Path, "Bad.cs")).AbsoluteUri;
        await client.OpenAsync(uri, Misused);

        await client.ChangeAsync(uri, QuickStartProject.KernelsText, 2);
        var cleared = await client.WaitForEventAsync("textDocument/publishDiagnostics", d => d.GetProperty("uri").GetString() == uri && d.GetProperty("version").GetInt32() == 2);

        Assert.AreEqual(0, cleared.GetProperty("diagnostics").GetArrayLength(), cleared.ToString());
    }

    [TestMethod]
    public async Task Open_QuickStartKernels_NoDiagnostics()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);
        var published = await client.WaitForEventAsync("textDocument/publishDiagnostics", d => d.GetProperty("uri").GetString() == QuickStartProject.KernelsUri);

        Assert.AreEqual(0, published.GetProperty("diagnostics").GetArrayLength(), published.ToString());
    }
}
