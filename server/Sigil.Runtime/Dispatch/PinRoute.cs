using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Sigil.Runtime;

/// <summary>
/// Where one pin's calls go: the baseline (when <see cref="Served"/> is null) or an approved candidate the resolver
/// loaded from a verified manifest. Emitted by the generator, one per pin, with the pin's delegate type; the resolver
/// sets <see cref="Served"/> once at startup (prod) or whenever the manifest changes (dev). Counts the calls it serves.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PinRoute
{
    private volatile ServedCandidate? _served;

    /// <summary>Creates the route of a pin.</summary>
    /// <param name="functionId">The pin's exact FunctionID.</param>
    /// <param name="implementationType">The delegate type a candidate must bind to (the pin's signature, static form).</param>
    public PinRoute(string functionId, Type implementationType)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionId);
        ArgumentNullException.ThrowIfNull(implementationType);
        if (!typeof(Delegate).IsAssignableFrom(implementationType))
        {
            throw new ArgumentException($"{implementationType} is not a delegate type.", nameof(implementationType));
        }
        FunctionId = functionId;
        ImplementationType = implementationType;
    }

    /// <summary>The pin's exact FunctionID.</summary>
    public string FunctionId { get; }

    /// <summary>The delegate type served implementations have.</summary>
    public Type ImplementationType { get; }

    /// <summary>The served candidate's implementation, or null for the baseline.</summary>
    public Delegate? Served
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _served?.Implementation;
    }

    /// <summary>The served candidate (<c>diff://b3:…</c>), or null for the baseline.</summary>
    public string? CandidateId => _served?.CandidateId;

    /// <summary>Calls served by the current candidate since it was bound (0 for the baseline).</summary>
    public long ServedCalls => _served?.Calls ?? 0;

    /// <summary>Counts one served call (called by generated code only when a candidate is served).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountServed() => _served?.Count();

    internal ServedCandidate? Current => _served;

    internal void Serve(ServedCandidate? candidate) => _served = candidate;
}
