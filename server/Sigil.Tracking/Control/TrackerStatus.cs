using System.Text.Json.Serialization;

namespace Sigil.Tracking.Control;

/// <summary>The tracker switch and what the log holds.</summary>
public sealed record TrackerStatus
{
    /// <summary>Whether tracking is on.</summary>
    [JsonPropertyName("enabled")] public bool Enabled { get; init; }

    /// <summary>When the switch last changed.</summary>
    [JsonPropertyName("changed_at")] public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>Who changed it.</summary>
    [JsonPropertyName("changed_by")] public string? ChangedBy { get; init; }

    /// <summary>Segment files in the log.</summary>
    [JsonPropertyName("segments")] public int Segments { get; init; }

    /// <summary>Records in the log.</summary>
    [JsonPropertyName("records")] public int Records { get; init; }

    /// <summary>Time of the newest record.</summary>
    [JsonPropertyName("last_record_at")] public DateTimeOffset? LastRecordAt { get; init; }
}
