namespace Sigil.Evaluation.Sandbox;

/// <summary>Why an evaluation produced no measurements. <see cref="SandboxResult.ErrorCode"/> gives the stable string.</summary>
public enum SandboxErrorClass
{
    /// <summary>No error: the candidate ran (its calls may still have thrown or given other outputs: see the samples).</summary>
    None,

    /// <summary><c>timeout</c>: the evaluation ran past the wall-time limit; the worker was killed.</summary>
    Timeout,

    /// <summary><c>crash</c>: the worker died (a signal, FailFast, an unhandled exception on another thread, …).</summary>
    Crash,

    /// <summary><c>stack-overflow</c>: the worker died of a stack overflow.</summary>
    StackOverflow,

    /// <summary><c>out-of-memory</c>: a call hit the heap or native memory limit (caught, or fatal); the worker was replaced.</summary>
    OutOfMemory,

    /// <summary><c>exited</c>: the candidate ended the worker process (Environment.Exit).</summary>
    Exited,

    /// <summary><c>protocol-violation</c>: something other than the protocol came out of the worker; the worker was killed.</summary>
    ProtocolViolation,

    /// <summary><c>load-failed</c>: the candidate does not load, has another assembly name, or its pin does not resolve or has another shape.</summary>
    LoadFailed,

    /// <summary><c>policy-violation</c>: the API policy check found forbidden uses; the candidate never ran.</summary>
    PolicyViolation,
}
