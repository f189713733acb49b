namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// A <see cref="SandboxContext"/> cannot be prepared: the baseline does not load, its pin or eval does not resolve, or a
/// sample does not deserialize into the pin's parameter types. Not about any candidate: fix the context.
/// </summary>
public sealed class SandboxContextException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SandboxContextException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SandboxContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
