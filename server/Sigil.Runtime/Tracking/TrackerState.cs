using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Runtime.Tracking;

/// <summary>
/// The tracker switch of one project: <c>.sigil/tracker.json</c>. <c>sigil tracker start|stop</c> writes it
/// (atomically, by rename); running apps poll it and notice a change within <see cref="TrackerControl.PollInterval"/>.
/// </summary>
public sealed record TrackerState
{
    /// <summary>File name inside the <c>.sigil</c> directory.</summary>
    public const string FileName = "tracker.json";

    /// <summary>Whether pinned calls are recorded.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    /// <summary>When the switch last changed (UTC).</summary>
    [JsonPropertyName("changed_at")]
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>Who changed it (user@host), for the audit trail.</summary>
    [JsonPropertyName("changed_by")]
    public string? ChangedBy { get; init; }

    /// <summary>The state file of a project's <c>.sigil</c> directory.</summary>
    public static string PathIn(string sigilDirectory) => Path.Combine(sigilDirectory, FileName);

    /// <summary>Reads the state; a missing file means off. Throws <see cref="InvalidDataException"/> on a corrupt file.</summary>
    public static TrackerState Read(string sigilDirectory)
    {
        var path = PathIn(sigilDirectory);
        if (!File.Exists(path))
        {
            return new TrackerState();
        }
        try
        {
            return JsonSerializer.Deserialize<TrackerState>(File.ReadAllBytes(path)) ?? new TrackerState();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid tracker state ({ex.Message}); run 'sigil tracker stop' or 'sigil tracker start' to rewrite it.", ex);
        }
    }

    /// <summary>Writes the state atomically (temp file + rename) so a reader never sees half a file.</summary>
    public void Write(string sigilDirectory)
    {
        Directory.CreateDirectory(sigilDirectory);
        var path = PathIn(sigilDirectory);
        var temp = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(this, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, path, overwrite: true);
    }
}
