using System.Text.Json;
using Sigil.LanguageServer.Hosting;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Runs;

/// <summary>
/// One work-done progress on <c>$/progress</c>: a token the client gave (<c>workDoneToken</c>) or one the server created
/// with <c>window/workDoneProgress/create</c> when the client supports it; otherwise silent (LSP forbids progress on
/// tokens the client does not know). Reports are sent in order.
/// </summary>
internal sealed class ProgressChannel
{
    private readonly LanguageClient _client;
    private readonly JsonElement? _token;
    private readonly SemaphoreSlim _order = new(1, 1);

    private ProgressChannel(LanguageClient client, JsonElement? token)
    {
        _client = client;
        _token = token;
    }

    /// <summary>Whether progress is sent at all.</summary>
    public bool Active => _token is not null;

    /// <summary>
    /// The channel for <paramref name="clientToken"/>, or for <paramref name="serverToken"/> created on the client when
    /// <paramref name="canCreate"/>; a silent one when neither (or the client refused the creation).
    /// </summary>
    public static async Task<ProgressChannel> OpenAsync(LanguageClient client, JsonElement? clientToken, string serverToken, bool canCreate, ServerLog log, CancellationToken ct)
    {
        if (clientToken is { ValueKind: JsonValueKind.String or JsonValueKind.Number } given)
        {
            return new ProgressChannel(client, given.Clone());
        }
        if (!canCreate)
        {
            return new ProgressChannel(client, null);
        }
        try
        {
            await client.RequestAsync(LspMethods.WorkDoneProgressCreate, new WorkDoneProgressCreateParams { Token = serverToken }, ct).ConfigureAwait(false);
            return new ProgressChannel(client, JsonSerializer.SerializeToElement(serverToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Info($"window/workDoneProgress/create refused ({e.Message}); the run reports no progress");
            return new ProgressChannel(client, null);
        }
    }

    /// <summary>Sends a begin, report or end value.</summary>
    public async Task SendAsync(object value)
    {
        if (_token is not { } token)
        {
            return;
        }
        await _order.WaitAsync().ConfigureAwait(false);
        try
        {
            await _client.NotifyAsync(LspMethods.Progress, new ProgressParams { Token = token, Value = value }).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The client went away; the work goes on.
        }
        finally
        {
            _order.Release();
        }
    }
}
