namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>What the worker resolved when preparing a context.</summary>
internal sealed class PreparedReport
{
    /// <summary>The pin as resolved: <c>Type.Method(param types)</c>.</summary>
    public string Pin { get; init; } = "";

    /// <summary>How many samples were deserialized.</summary>
    public int Samples { get; init; }

    /// <summary>Time spent preparing, in milliseconds.</summary>
    public double ElapsedMs { get; init; }
}
