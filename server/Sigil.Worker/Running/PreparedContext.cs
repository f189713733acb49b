using System.Diagnostics;
using System.Text.Json;
using Sigil.Evaluation.Sandbox.Protocol;
using Sigil.Worker.Loading;

namespace Sigil.Worker.Running;

/// <summary>A prepared context, kept warm between evaluations: the baseline loaded, its pin and eval resolved, the samples checked.</summary>
internal sealed class PreparedContext : IDisposable
{
    private PreparedContext(PrepareRequest request, AppLoadContext load, PinBinding pin, EvalBinding? eval, SampleJson json, string[][] samples)
    {
        Request = request;
        Load = load;
        Pin = pin;
        Eval = eval;
        Json = json;
        Samples = samples;
    }

    /// <summary>What was asked (pin and eval targets, app directory).</summary>
    public PrepareRequest Request { get; }

    /// <summary>The baseline's load context.</summary>
    public AppLoadContext Load { get; }

    /// <summary>The baseline's pin.</summary>
    public PinBinding Pin { get; }

    /// <summary>The baseline's eval, if any.</summary>
    public EvalBinding? Eval { get; }

    /// <summary>JSON for the baseline's types.</summary>
    public SampleJson Json { get; }

    /// <summary>The samples' raw JSON arguments.</summary>
    public string[][] Samples { get; }

    private readonly ArgumentCache _cache = new();

    /// <summary>Loads the baseline and checks every sample deserializes into the pin's parameter types.</summary>
    /// <exception cref="LoadFailedException">Something does not load, resolve or deserialize; the message says what.</exception>
    public static (PreparedContext Context, PreparedReport Report) Prepare(PrepareRequest request)
    {
        var watch = Stopwatch.StartNew();
        var load = AppLoadContext.Load("sigil-baseline-" + request.ContextId, request.AppDirectory, request.BaselineImage, request.BaselinePdb, isCollectible: true);
        try
        {
            var pin = PinBinding.Resolve(load.AppAssembly, request.Pin);
            var eval = request.Eval is { } target ? EvalBinding.Resolve(load.AppAssembly, target, pin) : null;
            var json = new SampleJson();
            var samples = request.Samples.Select(sample => sample.ToArray()).ToArray();
            var context = new PreparedContext(request, load, pin, eval, json, samples);
            for (var i = 0; i < samples.Length; i++) context.Arguments(i, pin.ParameterTypes, json, "baseline");
            return (context, new PreparedReport { Pin = pin.ToString(), Samples = samples.Length, ElapsedMs = watch.Elapsed.TotalMilliseconds });
        }
        catch
        {
            load.Unload();
            throw;
        }
    }

    /// <summary>A fresh copy of sample <paramref name="index"/>'s arguments as <paramref name="types"/>.</summary>
    /// <exception cref="LoadFailedException">The sample does not fit the types.</exception>
    public object?[] Arguments(int index, Type[] types, SampleJson json, string side)
    {
        var raw = Samples[index];
        if (raw.Length != types.Length)
            throw new LoadFailedException($"Sample {index} has {raw.Length} arguments; the {side}'s pin takes {types.Length}.");
        var arguments = new object?[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            try
            {
                if (_cache.TryGet(index, i, types[i], out var cached))
                {
                    arguments[i] = cached;
                    continue;
                }
                var value = json.Deserialize(raw[i], types[i]);
                arguments[i] = ArgumentCache.Cacheable(types[i]) ? _cache.Add(index, i, types[i], value) : value;
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
            {
                throw new LoadFailedException(
                    $"Sample {index}, argument {i + 1} does not deserialize into the {side}'s {TypeDisplay.CSharp(types[i])}: {e.Message}", e);
            }
        }

        return arguments;
    }

    /// <summary>Unloads the baseline.</summary>
    public void Dispose() => Load.Unload();
}
