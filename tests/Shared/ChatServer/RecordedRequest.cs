using System.Text.Json;

namespace Sigil.Testing.ChatServer;

/// <summary>A request <see cref="ScriptedChatServer"/> received, with its raw JSON body.</summary>
internal sealed record RecordedRequest(DateTimeOffset At, string Path, string? Authorization, string Body)
{
    public string Model => Parse(root => root.GetProperty("model").GetString()!);

    /// <summary>The request's <c>seed</c>, or <c>null</c> when it sent none.</summary>
    public long? Seed => Parse(root => root.TryGetProperty("seed", out var seed) && seed.ValueKind == JsonValueKind.Number ? seed.GetInt64() : (long?)null);

    /// <summary>The content of the message with <paramref name="role"/> (<c>system</c>, <c>user</c>).</summary>
    public string Message(string role) => Parse(root => root.GetProperty("messages").EnumerateArray()
        .Single(m => m.GetProperty("role").GetString() == role).GetProperty("content").GetString()!);

    private T Parse<T>(Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(Body);
        return read(document.RootElement);
    }
}
