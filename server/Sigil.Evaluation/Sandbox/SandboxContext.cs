namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// What every evaluation of one pin shares: the app's build output, the baseline image, the pin (and eval), and the
/// samples. A worker prepares a context once (loads the baseline, deserializes the samples) and keeps it warm for every
/// candidate; the pool prepares it on each worker the first time it is used there.
/// </summary>
public sealed class SandboxContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="appDirectory">The app's build output directory (its dependencies are resolved from there; visible read-only to the worker).</param>
    /// <param name="baselineImage">The baseline's PE image (usually the project compiled in memory as it is).</param>
    /// <param name="pin">The pinned method.</param>
    /// <param name="samples">Per sample, one raw JSON text (System.Text.Json) per parameter, in parameter order.</param>
    /// <param name="eval">The eval function, if any.</param>
    /// <param name="baselinePdb">The baseline's portable PDB, if any.</param>
    /// <exception cref="ArgumentException">The directory does not exist, the image is empty or there is no sample.</exception>
    public SandboxContext(string appDirectory, byte[] baselineImage, SandboxPin pin, IReadOnlyList<IReadOnlyList<string>> samples,
        SandboxEval? eval = null, byte[]? baselinePdb = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appDirectory);
        ArgumentNullException.ThrowIfNull(baselineImage);
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(samples);
        if (!Directory.Exists(appDirectory)) throw new ArgumentException($"The app directory '{appDirectory}' does not exist.", nameof(appDirectory));
        if (baselineImage.Length == 0) throw new ArgumentException("The baseline image is empty.", nameof(baselineImage));
        if (samples.Count == 0) throw new ArgumentException("A context needs at least one sample.", nameof(samples));
        AppDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(appDirectory));
        BaselineImage = baselineImage;
        BaselinePdb = baselinePdb;
        Pin = pin;
        Eval = eval;
        Samples = samples;
    }

    /// <summary>Identifies this context to the workers (unique per instance).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("n");

    /// <summary>The app's build output directory, full path.</summary>
    public string AppDirectory { get; }

    /// <summary>The baseline's PE image.</summary>
    public byte[] BaselineImage { get; }

    /// <summary>The baseline's portable PDB, if any.</summary>
    public byte[]? BaselinePdb { get; }

    /// <summary>The pinned method.</summary>
    public SandboxPin Pin { get; }

    /// <summary>The eval function, if any.</summary>
    public SandboxEval? Eval { get; }

    /// <summary>The samples: per sample, one raw JSON text per parameter.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Samples { get; }
}
