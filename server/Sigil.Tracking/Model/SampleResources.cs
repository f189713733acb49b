using System.Text.Json.Serialization;

namespace Sigil.Tracking.Model;

/// <summary>Resources the call used.</summary>
public sealed record SampleResources
{
    /// <summary>Wall time, nanoseconds.</summary>
    [JsonPropertyName("wall_ns")] public long WallNanoseconds { get; init; }

    /// <summary>CPU time of the calling thread, nanoseconds; measured on one call in 16 (null otherwise) and never for async pins.</summary>
    [JsonPropertyName("cpu_ns")] public long? CpuNanoseconds { get; init; }

    /// <summary>Bytes allocated by the calling thread during the call; null for async pins.</summary>
    [JsonPropertyName("allocated_bytes")] public long? AllocatedBytes { get; init; }
}
