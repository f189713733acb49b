namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>The <see cref="WorkerError.Code"/> values the worker reports.</summary>
internal static class WorkerErrorCodes
{
    /// <summary>The image does not load, or the pin, its eval or its instance cannot be resolved, or a sample does not deserialize.</summary>
    public const string LoadFailed = "load-failed";

    /// <summary>A call ran out of managed memory (the heap limit); the worker should be replaced after this job.</summary>
    public const string OutOfMemory = "out-of-memory";

    /// <summary>The evaluate request names a context this worker has not prepared (prepare it, then retry).</summary>
    public const string UnknownContext = "unknown-context";

    /// <summary>The request is malformed (a bug in the host).</summary>
    public const string BadRequest = "bad-request";

    /// <summary>The worker failed for a reason of its own (a bug in the worker).</summary>
    public const string Internal = "internal";
}
