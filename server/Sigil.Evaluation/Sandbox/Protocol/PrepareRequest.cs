namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>Load a baseline, resolve its pin (and eval) and deserialize the samples, to keep warm for later evaluations.</summary>
internal sealed class PrepareRequest
{
    /// <summary>Names this context in later <see cref="EvaluateRequest"/>s.</summary>
    public string ContextId { get; init; } = "";

    /// <summary>The app's build output directory: its dependencies are resolved from there.</summary>
    public string AppDirectory { get; init; } = "";

    /// <summary>The baseline assembly's PE image.</summary>
    public byte[] BaselineImage { get; init; } = [];

    /// <summary>The baseline's portable PDB, if any.</summary>
    public byte[]? BaselinePdb { get; init; }

    /// <summary>The pinned method.</summary>
    public PinTarget Pin { get; init; } = new();

    /// <summary>The eval function, if any: the pin's parameters then its (awaited) return value, returning double or bool (true = 1); higher is better.</summary>
    public MethodTarget? Eval { get; init; }

    /// <summary>The samples: per sample, one raw JSON text per parameter, in parameter order.</summary>
    public List<List<string>> Samples { get; init; } = [];
}
