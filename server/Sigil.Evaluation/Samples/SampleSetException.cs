namespace Sigil.Evaluation.Samples;

/// <summary>No sample set can be built; the message says why and what to do.</summary>
public sealed class SampleSetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SampleSetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public SampleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SampleSetException()
    {
    }
}
