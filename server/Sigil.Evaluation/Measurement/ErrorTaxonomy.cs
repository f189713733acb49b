using System.Collections.ObjectModel;

namespace Sigil.Evaluation.Measurement;

/// <summary>
/// What went wrong in one arm of an evaluation, counted by class: exceptions per exception type (full name), timeouts,
/// API policy violations, compile errors and crashes. Immutable; <see cref="Merge"/> adds two taxonomies (rounds,
/// sample shards, or a compile step and a run), so the counts can be stored as metrics.
/// </summary>
public sealed class ErrorTaxonomy : IEquatable<ErrorTaxonomy>
{
    /// <summary>No error at all.</summary>
    public static ErrorTaxonomy None { get; } = new();

    /// <summary>Creates a taxonomy; exception types with a zero count are dropped.</summary>
    /// <param name="exceptions">Exception full type name → count (each ≥ 0).</param>
    /// <param name="timeouts">Runs stopped at the time limit.</param>
    /// <param name="policyViolations">API policy violations found before running.</param>
    /// <param name="compileErrors">Compiler errors.</param>
    /// <param name="crashes">Worker processes that died (memory limit, stack overflow, killed).</param>
    /// <exception cref="ArgumentException">A negative count or an empty exception type name.</exception>
    public ErrorTaxonomy(
        IReadOnlyDictionary<string, long>? exceptions = null,
        long timeouts = 0,
        long policyViolations = 0,
        long compileErrors = 0,
        long crashes = 0)
    {
        var sorted = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (type, count) in exceptions ?? ReadOnlyDictionary<string, long>.Empty)
        {
            if (string.IsNullOrWhiteSpace(type)) throw new ArgumentException("An exception type name is empty.", nameof(exceptions));
            if (count < 0) throw new ArgumentException($"The count of {type} is negative ({count}).", nameof(exceptions));
            if (count > 0) sorted[type] = count;
        }
        Exceptions = new ReadOnlyDictionary<string, long>(sorted);
        Timeouts = NonNegative(timeouts, nameof(timeouts));
        PolicyViolations = NonNegative(policyViolations, nameof(policyViolations));
        CompileErrors = NonNegative(compileErrors, nameof(compileErrors));
        Crashes = NonNegative(crashes, nameof(crashes));
    }

    /// <summary>Exception full type name → count, sorted by ordinal name; only positive counts.</summary>
    public IReadOnlyDictionary<string, long> Exceptions { get; }

    /// <summary>Runs stopped at the time limit.</summary>
    public long Timeouts { get; }

    /// <summary>API policy violations.</summary>
    public long PolicyViolations { get; }

    /// <summary>Compiler errors.</summary>
    public long CompileErrors { get; }

    /// <summary>Worker processes that died.</summary>
    public long Crashes { get; }

    /// <summary>All exceptions, every type.</summary>
    public long ExceptionCount => Exceptions.Values.Sum();

    /// <summary>Every error of every class.</summary>
    public long Total => ExceptionCount + Timeouts + PolicyViolations + CompileErrors + Crashes;

    /// <summary>
    /// The most severe class present as a <see cref="FailureKinds"/> word — compile-error, policy-violation, crash,
    /// timeout, exception, in that order — or null when there is no error.
    /// </summary>
    public string? ErrorClass =>
        CompileErrors > 0 ? FailureKinds.CompileError
        : PolicyViolations > 0 ? FailureKinds.PolicyViolation
        : Crashes > 0 ? FailureKinds.Crash
        : Timeouts > 0 ? FailureKinds.Timeout
        : Exceptions.Count > 0 ? FailureKinds.Exception
        : null;

    /// <summary>Counts the exception types of calls (null entries are calls that did not throw).</summary>
    public static ErrorTaxonomy FromExceptionTypes(IEnumerable<string?> exceptionTypes)
    {
        ArgumentNullException.ThrowIfNull(exceptionTypes);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var type in exceptionTypes)
        {
            if (type is not null) counts[type] = counts.GetValueOrDefault(type) + 1;
        }
        return new ErrorTaxonomy(counts);
    }

    /// <summary>The sum of this taxonomy and <paramref name="other"/>.</summary>
    public ErrorTaxonomy Merge(ErrorTaxonomy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var counts = new Dictionary<string, long>(Exceptions, StringComparer.Ordinal);
        foreach (var (type, count) in other.Exceptions) counts[type] = counts.GetValueOrDefault(type) + count;
        return new ErrorTaxonomy(
            counts, Timeouts + other.Timeouts, PolicyViolations + other.PolicyViolations,
            CompileErrors + other.CompileErrors, Crashes + other.Crashes);
    }

    /// <summary>Exception types thrown more often here than in <paramref name="baseline"/>, with both counts, sorted by name.</summary>
    public IReadOnlyList<(string Type, long Count, long BaselineCount)> ExceptionsBeyond(ErrorTaxonomy baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return Exceptions
            .Select(e => (Type: e.Key, Count: e.Value, BaselineCount: baseline.Exceptions.GetValueOrDefault(e.Key)))
            .Where(e => e.Count > e.BaselineCount)
            .ToList();
    }

    /// <inheritdoc />
    public bool Equals(ErrorTaxonomy? other) =>
        other is not null
        && Timeouts == other.Timeouts && PolicyViolations == other.PolicyViolations
        && CompileErrors == other.CompileErrors && Crashes == other.Crashes
        && Exceptions.Count == other.Exceptions.Count
        && Exceptions.All(e => other.Exceptions.TryGetValue(e.Key, out var count) && count == e.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ErrorTaxonomy);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Total, Exceptions.Count, CompileErrors, PolicyViolations, Crashes, Timeouts);

    private static long NonNegative(long value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Error counts cannot be negative.");
}
