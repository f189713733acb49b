namespace Sigil.Runs;

/// <summary>A run cannot start or go on; the message says why and what to do, fit to show a user.</summary>
public sealed class RunException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public RunException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
