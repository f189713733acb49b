namespace Sigil.Publishing;

/// <summary>
/// Publishing was refused before anything was changed: no branch, no file, no patch. <see cref="Reason"/> is one of
/// <see cref="RefusalReasons"/>; the message says what is wrong and how to fix it.
/// </summary>
public sealed class PublishRefusedException : Exception
{
    /// <summary>A refusal with its reason code and message.</summary>
    public PublishRefusedException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>A refusal caused by <paramref name="innerException"/>.</summary>
    public PublishRefusedException(string reason, string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>The stable reason code (see <see cref="RefusalReasons"/>).</summary>
    public string Reason { get; }
}
