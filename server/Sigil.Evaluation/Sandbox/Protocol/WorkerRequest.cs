namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>One host → worker message. The worker answers every request with one <see cref="WorkerResponse"/> of the same <see cref="Id"/>.</summary>
internal sealed class WorkerRequest
{
    /// <summary>Chosen by the host, increasing; echoed in the response.</summary>
    public long Id { get; init; }

    /// <summary>One of <see cref="WorkerMessageTypes"/>: prepare, evaluate, ping, shutdown.</summary>
    public string Type { get; init; } = "";

    /// <summary>For <see cref="WorkerMessageTypes.Prepare"/>.</summary>
    public PrepareRequest? Prepare { get; init; }

    /// <summary>For <see cref="WorkerMessageTypes.Evaluate"/>.</summary>
    public EvaluateRequest? Evaluate { get; init; }
}
