using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Hosting;

/// <summary>
/// The server's log: every line goes to stderr (stdout is the transport); warnings and errors also go to the client
/// as <c>window/logMessage</c> once it is connected.
/// </summary>
internal sealed class ServerLog(TextWriter stderr)
{
    private readonly Lock _gate = new();
    private Func<LogMessageParams, Task>? _client;

    /// <summary>Sends warnings and errors to the client from now on.</summary>
    public void Connect(Func<LogMessageParams, Task> client) => _client = client;

    /// <summary>Information, on stderr only.</summary>
    public void Info(string message) => Write("info", message, null);

    /// <summary>A warning, also to the client.</summary>
    public void Warn(string message) => Write("warn", message, MessageType.Warning);

    /// <summary>An error, also to the client.</summary>
    public void Error(string message) => Write("error", message, MessageType.Error);

    private void Write(string level, string message, int? clientType)
    {
        lock (_gate)
        {
            stderr.WriteLine($"[sigil-lsp {level}] {message}");
            stderr.Flush();
        }
        if (clientType is { } type && _client is { } client)
        {
            _ = SendAsync(client, new LogMessageParams { Type = type, Message = message });
        }
    }

    private static async Task SendAsync(Func<LogMessageParams, Task> client, LogMessageParams message)
    {
        try
        {
            await client(message).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The connection is gone; stderr has the line.
        }
    }
}
