namespace Sigil.Trust.Tests.Support;

/// <summary>A clock that says what the test sets; time is injected everywhere through <see cref="TimeProvider"/>.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
