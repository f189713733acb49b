namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>Why a request failed, as the worker saw it.</summary>
internal sealed class WorkerError
{
    /// <summary>One of <see cref="WorkerErrorCodes"/>.</summary>
    public string Code { get; init; } = "";

    /// <summary>What went wrong, fit to show a user (type and member names, the exception's message).</summary>
    public string Message { get; init; } = "";
}
