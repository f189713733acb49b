using Sigil.Evaluation.Sandbox.Protocol;
using Sigil.Worker.Loading;

namespace Sigil.Worker.Running;

/// <summary>One candidate loaded into its own collectible context for one evaluation, its pin resolved like the baseline's.</summary>
internal sealed class CandidateContext : IDisposable
{
    private CandidateContext(AppLoadContext load, PinBinding pin)
    {
        Load = load;
        Pin = pin;
    }

    /// <summary>The candidate's load context (collectible).</summary>
    public AppLoadContext Load { get; }

    /// <summary>The candidate's pin.</summary>
    public PinBinding Pin { get; }

    /// <summary>JSON for the candidate's types (its own options, so nothing caches its types beyond its life).</summary>
    public SampleJson Json { get; } = new();

    /// <summary>Loads the candidate and resolves the pin.</summary>
    /// <exception cref="LoadFailedException">It does not load, has another assembly name, or the pin does not resolve or differs in shape.</exception>
    public static CandidateContext Create(PreparedContext baseline, EvaluateRequest request, long serial) =>
        Create(baseline, request.CandidateImage, request.CandidatePdb, request.CandidateEntryType, "sigil-candidate-" + serial);

    /// <summary>
    /// Loads the baseline's own method compiled alone (<see cref="EvaluateRequest.BaselineMethodImage"/>), if sent: the
    /// side the candidate is timed against, loaded fresh like it.
    /// </summary>
    public static CandidateContext? CreateBaselineTwin(PreparedContext baseline, EvaluateRequest request, long serial) =>
        request.BaselineMethodImage is { Length: > 0 } image && request.BaselineMethodEntryType is { } entry
            ? Create(baseline, image, request.BaselineMethodPdb, entry, "sigil-baseline-method-" + serial)
            : null;

    private static CandidateContext Create(PreparedContext baseline, byte[] image, byte[]? pdb, string? entryType, string contextName)
    {
        var expected = baseline.Load.AppAssembly.GetName().Name;
        var name = AppLoadContext.SimpleName(image);
        var methodOnly = entryType is not null;
        if (!methodOnly && !string.Equals(name, expected, StringComparison.Ordinal))
            throw new LoadFailedException($"The candidate assembly is named '{name}'; it must have the baseline's name '{expected}'.");
        if (methodOnly && string.Equals(name, expected, StringComparison.OrdinalIgnoreCase))
            throw new LoadFailedException($"A method-only candidate must not be named like the app ('{name}').");
        // A method-only candidate references the app: its context resolves the app and its dependencies from the baseline's.
        var load = AppLoadContext.Load(contextName, baseline.Request.AppDirectory, image, pdb, isCollectible: true, methodOnly ? baseline.Load : null);
        try
        {
            var target = methodOnly
                ? new PinTarget { TypeName = entryType!, MethodName = baseline.Request.Pin.MethodName, ParameterTypes = baseline.Request.Pin.ParameterTypes, IsStatic = true }
                : baseline.Request.Pin;
            var pin = PinBinding.Resolve(load.AppAssembly, target);
            if (pin.ParameterTypes.Length != baseline.Pin.ParameterTypes.Length || pin.ReturnsValue != baseline.Pin.ReturnsValue
                || (methodOnly && (!pin.ParameterTypes.SequenceEqual(baseline.Pin.ParameterTypes) || pin.ResultType != baseline.Pin.ResultType)))
                throw new LoadFailedException($"The candidate's pin {pin} does not have the baseline's signature {baseline.Pin}.");
            return new CandidateContext(load, pin);
        }
        catch
        {
            load.Unload();
            throw;
        }
    }

    /// <summary>Unloads the candidate (collected once nothing references it).</summary>
    public void Dispose() => Load.Unload();
}
