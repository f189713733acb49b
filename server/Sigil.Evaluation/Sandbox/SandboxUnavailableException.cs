namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// The sandbox cannot run here: the worker is missing or does not start, or OS isolation is required and absent.
/// The message says what is missing and how to get it. Not about any candidate.
/// </summary>
public sealed class SandboxUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SandboxUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SandboxUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
