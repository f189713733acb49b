using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sigil.Testing.ChatServer;

/// <summary>One scripted answer of <see cref="ScriptedChatServer"/>.</summary>
internal abstract record Reply
{
    /// <summary>The model name scripted completions report.</summary>
    public const string ModelName = "test-model";

    public abstract Task WriteAsync(HttpContext context);

    /// <summary>A chat completion with <paramref name="content"/> and the given usage.</summary>
    public static Reply Completion(string content, int promptTokens = 100, int completionTokens = 50, string model = ModelName) =>
        new CompletionReply(content, promptTokens, completionTokens, model);

    /// <summary>An HTTP error with an OpenAI-style error body and optional headers.</summary>
    public static Reply Status(int status, params (string Name, string Value)[] headers) => new StatusReply(status, headers);

    /// <summary>A 200 answer whose body is not a chat completion.</summary>
    public static Reply Garbage(string body = "<html><body>502 Bad Gateway... or is it?</body></html>") => new RawReply(200, body, "text/html");

    /// <summary><paramref name="then"/> after <paramref name="delay"/> (cut short when the client goes away).</summary>
    public static Reply Delayed(TimeSpan delay, Reply then) => new DelayedReply(delay, then);

    private sealed record CompletionReply(string Content, int PromptTokens, int CompletionTokens, string Model) : Reply
    {
        public override Task WriteAsync(HttpContext context)
        {
            var body = new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = Model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Content },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = PromptTokens,
                    ["completion_tokens"] = CompletionTokens,
                    ["total_tokens"] = PromptTokens + CompletionTokens,
                },
            };
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body.ToJsonString());
        }
    }

    private sealed record StatusReply(int Code, (string Name, string Value)[] Headers) : Reply
    {
        public override Task WriteAsync(HttpContext context)
        {
            context.Response.StatusCode = Code;
            foreach (var (name, value) in Headers)
            {
                context.Response.Headers[name] = value;
            }
            context.Response.ContentType = "application/json";
            var error = new JsonObject { ["error"] = new JsonObject { ["message"] = $"scripted status {Code}", ["type"] = "test", ["code"] = Code } };
            return context.Response.WriteAsync(error.ToJsonString());
        }
    }

    private sealed record RawReply(int Code, string Body, string ContentType) : Reply
    {
        public override Task WriteAsync(HttpContext context)
        {
            context.Response.StatusCode = Code;
            context.Response.ContentType = ContentType;
            return context.Response.WriteAsync(Body);
        }
    }

    private sealed record DelayedReply(TimeSpan Delay, Reply Then) : Reply
    {
        public override async Task WriteAsync(HttpContext context)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await Then.WriteAsync(context);
        }
    }
}
