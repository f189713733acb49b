namespace Sigil.Tracking.Query;

/// <summary>A sample-log query that cannot be answered; the message says why and what to do.</summary>
public sealed class SampleLogException(string message) : Exception(message);
