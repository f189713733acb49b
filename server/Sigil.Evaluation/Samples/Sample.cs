namespace Sigil.Evaluation.Samples;

/// <summary>One replayable tracked call: its arguments as raw JSON, one text per parameter in declaration order.</summary>
/// <param name="TraceId">The tracked call's trace id.</param>
/// <param name="Timestamp">When the call was made.</param>
/// <param name="Arguments">One raw JSON text per parameter, in declaration order (what the worker deserializes).</param>
/// <param name="Sketch">A short description for prompts, for example <c>x=49.5, values=int[16] in [0, 99]</c>.</param>
public sealed record Sample(string TraceId, DateTimeOffset Timestamp, IReadOnlyList<string> Arguments, string Sketch)
{
    /// <summary>The argument tuple as one JSON array: equal for equal argument values, so it keys deduplication and the split.</summary>
    public string TupleJson => "[" + string.Join(",", Arguments) + "]";
}
