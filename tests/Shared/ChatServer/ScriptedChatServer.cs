using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sigil.Testing.ChatServer;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) speaking the OpenAI chat-completions protocol:
/// <c>POST /v1/chat/completions</c> answers with the next scripted <see cref="Reply"/> (500 when the script is used up),
/// and records every request.
/// </summary>
internal sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private ScriptedChatServer(WebApplication app, IEnumerable<Reply> script)
    {
        _app = app;
        _script = new ConcurrentQueue<Reply>(script);
    }

    /// <summary>The base URL to configure (<c>http://127.0.0.1:PORT/v1</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The requests received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>How many requests arrived.</summary>
    public int RequestCount => _requests.Count;

    /// <summary>Replies not used yet.</summary>
    public int RepliesLeft => _script.Count;

    /// <summary>Adds replies at the end of the script (between runs).</summary>
    public void Enqueue(IEnumerable<Reply> replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public static Task<ScriptedChatServer> StartAsync(IEnumerable<Reply> script) => StartAsync([.. script]);

    public static async Task<ScriptedChatServer> StartAsync(params Reply[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedChatServer(app, script);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(DateTimeOffset.UtcNow, context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
        if (!_script.TryDequeue(out var reply))
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{\"error\":{\"message\":\"the test script is used up\"}}");
            return;
        }
        await reply.WriteAsync(context);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
