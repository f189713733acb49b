namespace Sigil.Worker.Running;

/// <summary>A timed call ran out of memory: the job stops and the worker asks to be replaced.</summary>
internal sealed class OutOfMemoryInCallException(string side, OutOfMemoryException inner)
    : Exception($"The {side} ran out of memory (OutOfMemoryException: the worker's managed heap limit was reached or a native allocation failed).", inner);
