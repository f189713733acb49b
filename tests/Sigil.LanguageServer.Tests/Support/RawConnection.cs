using System.Text;
using System.Text.Json;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>Raw bytes to the server and Content-Length framed JSON back, for input no JSON-RPC library would send.</summary>
internal sealed class RawConnection : IDisposable
{
    private readonly ServerProcess _server;
    private readonly Stream _output;

    public RawConnection(string workingDirectory)
    {
        _server = ServerProcess.Start(workingDirectory);
        _output = _server.Output;
    }

    public ServerProcess Server => _server;

    public void SendBytes(byte[] bytes)
    {
        _server.Input.Write(bytes);
        _server.Input.Flush();
    }

    public void SendRaw(string text) => SendBytes(Encoding.UTF8.GetBytes(text));

    /// <summary>Frames a body with a correct Content-Length.</summary>
    public void SendBody(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        SendBytes([.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes]);
    }

    public void Send(object message) => SendBody(JsonSerializer.Serialize(message));

    /// <summary>The next message from the server, skipping notifications unless asked for them.</summary>
    public async Task<JsonElement> ReadAsync(bool skipNotifications = true)
    {
        using var timeout = new CancellationTokenSource(LspClient.Timeout);
        while (true)
        {
            var message = await ReadMessageAsync(timeout.Token);
            if (!skipNotifications || !message.TryGetProperty("method", out _))
            {
                return message;
            }
        }
    }

    private async Task<JsonElement> ReadMessageAsync(CancellationToken ct)
    {
        var length = -1;
        while (true)
        {
            var line = await ReadLineAsync(ct);
            if (line.Length == 0)
            {
                break;
            }
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        Assert.IsGreaterThanOrEqualTo(0, length, "the server sent a message without Content-Length");
        var body = new byte[length];
        await _output.ReadExactlyAsync(body, ct);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await _output.ReadAsync(one, ct) == 0)
            {
                throw new AssertFailedException("the server closed its output\n" + _server.Stderr);
            }
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }
            line.Append((char)one[0]);
        }
    }

    public void Dispose() => _server.Dispose();
}
