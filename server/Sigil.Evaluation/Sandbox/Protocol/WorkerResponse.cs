namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>One worker → host message: the answer to a request, or the unasked <see cref="WorkerMessageTypes.Ready"/> and <see cref="WorkerMessageTypes.Exiting"/>.</summary>
internal sealed class WorkerResponse
{
    /// <summary>The request's id (0 for unasked messages).</summary>
    public long Id { get; init; }

    /// <summary>One of <see cref="WorkerMessageTypes"/>.</summary>
    public string Type { get; init; } = "";

    /// <summary>For <see cref="WorkerMessageTypes.Ready"/>.</summary>
    public WorkerHello? Hello { get; init; }

    /// <summary>For <see cref="WorkerMessageTypes.Error"/>.</summary>
    public WorkerError? Error { get; init; }

    /// <summary>For <see cref="WorkerMessageTypes.Prepared"/>.</summary>
    public PreparedReport? Prepared { get; init; }

    /// <summary>For <see cref="WorkerMessageTypes.Evaluated"/>.</summary>
    public EvaluationReport? Evaluation { get; init; }

    /// <summary>For <see cref="WorkerMessageTypes.Exiting"/>: the exit code passed to <c>Environment.Exit</c>.</summary>
    public int? ExitCode { get; init; }
}
