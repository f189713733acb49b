namespace Sigil.Worker.Running;

/// <summary>One timed call: its (completed) output or the exception it threw, and its duration in Stopwatch ticks.</summary>
internal readonly record struct CallOutcome(object? Output, Exception? Error, long Ticks);
