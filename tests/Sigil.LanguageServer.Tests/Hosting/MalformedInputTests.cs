using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Hosting;

/// <summary>Garbage on the wire is answered with JSON-RPC errors, and the server keeps serving (LspMessageHandler).</summary>
[TestClass]
public sealed class MalformedInputTests
{
    private static readonly object Initialize = new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { } } };

    [TestMethod]
    public async Task Body_NotJson_ParseErrorWithNullId_ThenNextRequestWorks()
    {
        using var folder = new TempFolder();
        using var raw = new RawConnection(folder.Path);

        raw.SendBody("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ");
        var error = await raw.ReadAsync();

        Assert.AreEqual(-32700, error.GetProperty("error").GetProperty("code").GetInt32(), error.ToString());
        Assert.AreEqual(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        Assert.AreEqual("parse-error", error.GetProperty("error").GetProperty("data").GetProperty("kind").GetString());
        raw.Send(Initialize);
        var answer = await raw.ReadAsync();
        Assert.AreEqual(1, answer.GetProperty("id").GetInt32(), answer.ToString());
        Assert.IsTrue(answer.TryGetProperty("result", out _), answer.ToString());
    }

    [TestMethod]
    public async Task Json_NotAMessage_InvalidRequestWithItsId()
    {
        using var folder = new TempFolder();
        using var raw = new RawConnection(folder.Path);

        raw.SendBody("{\"jsonrpc\": \"2.0\", \"id\": 41, \"params\": {}}");
        var error = await raw.ReadAsync();
        raw.SendBody("[1, 2, 3]");
        var batch = await raw.ReadAsync();

        Assert.AreEqual(-32600, error.GetProperty("error").GetProperty("code").GetInt32(), error.ToString());
        Assert.AreEqual(41, error.GetProperty("id").GetInt32());
        Assert.AreEqual(-32600, batch.GetProperty("error").GetProperty("code").GetInt32(), batch.ToString());
        raw.Send(Initialize);
        Assert.IsTrue((await raw.ReadAsync()).TryGetProperty("result", out _));
    }

    [TestMethod]
    public async Task Params_ArrayOfSeveralValues_InvalidParamsNamingTheMethod_ThenNextRequestWorks()
    {
        using var folder = new TempFolder();
        using var raw = new RawConnection(folder.Path);
        raw.Send(Initialize);
        await raw.ReadAsync();

        raw.Send(new { jsonrpc = "2.0", id = 2, method = "sigil/tracker/status", @params = new object?[] { new { }, null } });
        var error = await raw.ReadAsync();
        raw.Send(new { jsonrpc = "2.0", id = 3, method = "shutdown" });
        var answer = await raw.ReadAsync();

        Assert.AreEqual(2, error.GetProperty("id").GetInt32(), error.ToString());
        Assert.IsTrue(error.TryGetProperty("error", out var e) && e.TryGetProperty("data", out _), error.ToString());
        Assert.AreEqual(-32602, error.GetProperty("error").GetProperty("code").GetInt32(), error.ToString());
        Assert.AreEqual("invalid-params", error.GetProperty("error").GetProperty("data").GetProperty("kind").GetString());
        StringAssert.StartsWith(error.GetProperty("error").GetProperty("message").GetString(), "sigil/tracker/status: params is an array of 2 values");
        Assert.AreEqual(3, answer.GetProperty("id").GetInt32(), answer.ToString());
        Assert.IsTrue(answer.TryGetProperty("result", out _), answer.ToString());
    }

    [TestMethod]
    public async Task Header_Malformed_ParseErrorThenResynchronizesOnNextMessage()
    {
        using var folder = new TempFolder();
        using var raw = new RawConnection(folder.Path);

        raw.SendRaw("this is not a header\r\nnor this\r\n\r\n{\"stray\": \"body\"}\r\n");
        var error = await raw.ReadAsync();
        raw.Send(Initialize);
        var answer = await raw.ReadAsync();

        Assert.AreEqual(-32700, error.GetProperty("error").GetProperty("code").GetInt32(), error.ToString());
        Assert.AreEqual(1, answer.GetProperty("id").GetInt32(), answer.ToString());
        Assert.IsTrue(answer.TryGetProperty("result", out _), answer.ToString());
    }

    [TestMethod]
    public async Task Body_InvalidUtf8AndNulBytes_ParseErrorAndServerStaysUp()
    {
        using var folder = new TempFolder();
        using var raw = new RawConnection(folder.Path);

        raw.SendBytes([.. "Content-Length: 6\r\n\r\n"u8.ToArray(), 0xff, 0xfe, 0x00, 0x01, 0x7b, 0x7d]);
        var error = await raw.ReadAsync();
        raw.Send(Initialize);

        Assert.AreEqual(-32700, error.GetProperty("error").GetProperty("code").GetInt32(), error.ToString());
        Assert.IsTrue((await raw.ReadAsync()).TryGetProperty("result", out _));
        Assert.IsFalse(raw.Server.Process.HasExited);
    }
}
