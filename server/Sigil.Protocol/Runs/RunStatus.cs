namespace Sigil.Protocol.Runs;

/// <summary>The states of a run.</summary>
public static class RunStatus
{
    /// <summary>Going on.</summary>
    public const string Running = "running";

    /// <summary>Ended with a result.</summary>
    public const string Completed = "completed";

    /// <summary>Cancelled; its trials are stored and <c>resume</c> continues it.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Ended with an error.</summary>
    public const string Failed = "failed";
}
