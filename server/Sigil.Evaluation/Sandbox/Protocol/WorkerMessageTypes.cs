namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>The <c>type</c> of each protocol message (<see cref="WorkerRequest.Type"/>, <see cref="WorkerResponse.Type"/>).</summary>
internal static class WorkerMessageTypes
{
    /// <summary>Worker → host, once at start-up, unasked: the worker is ready (<see cref="WorkerResponse.Hello"/>).</summary>
    public const string Ready = "ready";

    /// <summary>Host → worker: load a baseline and its samples (<see cref="WorkerRequest.Prepare"/>).</summary>
    public const string Prepare = "prepare";

    /// <summary>Worker → host: the context is prepared.</summary>
    public const string Prepared = "prepared";

    /// <summary>Host → worker: run a candidate against a prepared context (<see cref="WorkerRequest.Evaluate"/>).</summary>
    public const string Evaluate = "evaluate";

    /// <summary>Worker → host: the measurements (<see cref="WorkerResponse.Evaluation"/>).</summary>
    public const string Evaluated = "evaluated";

    /// <summary>Host → worker: are you alive?</summary>
    public const string Ping = "ping";

    /// <summary>Worker → host: yes.</summary>
    public const string Pong = "pong";

    /// <summary>Host → worker: exit now.</summary>
    public const string Shutdown = "shutdown";

    /// <summary>Worker → host: the request failed (<see cref="WorkerResponse.Error"/>); the worker stays usable.</summary>
    public const string Error = "error";

    /// <summary>Worker → host, unasked: the process is exiting in the middle of a request (code in <see cref="WorkerResponse.ExitCode"/>).</summary>
    public const string Exiting = "exiting";
}
