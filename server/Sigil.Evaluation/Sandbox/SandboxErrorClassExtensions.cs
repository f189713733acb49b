namespace Sigil.Evaluation.Sandbox;

/// <summary>The stable strings of <see cref="SandboxErrorClass"/> (for logs, the workspace and LLM feedback).</summary>
public static class SandboxErrorClassExtensions
{
    /// <summary><c>timeout</c>, <c>crash</c>, <c>stack-overflow</c>, <c>out-of-memory</c>, <c>exited</c>, <c>protocol-violation</c>, <c>load-failed</c>, <c>policy-violation</c>; <c>none</c> for no error.</summary>
    public static string ToCode(this SandboxErrorClass errorClass) => errorClass switch
    {
        SandboxErrorClass.None => "none",
        SandboxErrorClass.Timeout => "timeout",
        SandboxErrorClass.Crash => "crash",
        SandboxErrorClass.StackOverflow => "stack-overflow",
        SandboxErrorClass.OutOfMemory => "out-of-memory",
        SandboxErrorClass.Exited => "exited",
        SandboxErrorClass.ProtocolViolation => "protocol-violation",
        SandboxErrorClass.LoadFailed => "load-failed",
        SandboxErrorClass.PolicyViolation => "policy-violation",
        _ => throw new ArgumentOutOfRangeException(nameof(errorClass), errorClass, null),
    };
}
