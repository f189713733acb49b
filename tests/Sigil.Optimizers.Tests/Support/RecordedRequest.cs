using System.Text.Json;

namespace Sigil.Optimizers.Tests.Support;

/// <summary>A request the server received.</summary>
internal sealed record RecordedRequest(DateTimeOffset At, string Path, string? Authorization, JsonDocument Body)
{
    public string Model => Body.RootElement.GetProperty("model").GetString()!;

    public string Message(string role) => Body.RootElement.GetProperty("messages").EnumerateArray()
        .Single(m => m.GetProperty("role").GetString() == role).GetProperty("content").GetString()!;
}
