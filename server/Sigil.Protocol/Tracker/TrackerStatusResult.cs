using System.Text.Json.Serialization;

namespace Sigil.Protocol.Tracker;

/// <summary>Whether tracking is on and what the sample log holds (<c>sigil tracker status --json</c>).</summary>
public sealed record TrackerStatusResult
{
    /// <summary>Tracking is on.</summary>
    [JsonPropertyName("enabled")] public bool Enabled { get; init; }

    /// <summary>When it was last switched.</summary>
    [JsonPropertyName("changedAt")] public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>Who switched it (<c>user@host</c>).</summary>
    [JsonPropertyName("changedBy")] public string? ChangedBy { get; init; }

    /// <summary>Log segments.</summary>
    [JsonPropertyName("segments")] public int Segments { get; init; }

    /// <summary>Recorded calls.</summary>
    [JsonPropertyName("records")] public int Records { get; init; }

    /// <summary>The newest record's time.</summary>
    [JsonPropertyName("lastRecordAt")] public DateTimeOffset? LastRecordAt { get; init; }
}
