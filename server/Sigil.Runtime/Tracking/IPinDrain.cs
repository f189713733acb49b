namespace Sigil.Runtime.Tracking;

/// <summary>A pin's queue of tracked calls, drained by the <see cref="SampleLogWriter"/> thread.</summary>
internal interface IPinDrain
{
    /// <summary>The pin.</summary>
    PinDescriptor Pin { get; }

    /// <summary>Encodes up to <paramref name="max"/> queued calls as frames; returns how many.</summary>
    int Drain(FrameWriter writer, SampleLogWriter segment, int max);
}
