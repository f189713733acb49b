namespace Sigil.Evaluation.Sandbox;

/// <summary>A worker failed during an exchange and was killed: the error class, the message and the worker's stderr.</summary>
internal sealed class WorkerFailedException(SandboxErrorClass errorClass, string message, string? diagnostics) : Exception(message)
{
    /// <summary>How it failed.</summary>
    public SandboxErrorClass ErrorClass { get; } = errorClass;

    /// <summary>The worker's stderr (head and tail), if any.</summary>
    public string? Diagnostics { get; } = diagnostics;

    /// <summary>The technical detail behind <see cref="Exception.Message"/> (for a protocol violation: what was read).</summary>
    public string? InnerMessage { get; init; }
}
