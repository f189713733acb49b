using Sigil.Optimizers.Generators;

namespace Sigil.Runs.Trials;

/// <summary>The last few failures of a pin's run, fed back to generators so they do not repeat them.</summary>
internal sealed class FailureFeedback
{
    /// <summary>How many failures prompts carry.</summary>
    public const int Capacity = 5;

    private readonly Queue<PreviousFailure> _recent = new();

    public IReadOnlyList<PreviousFailure> Recent => [.. _recent];

    public void Add(string kind, string message)
    {
        _recent.Enqueue(new PreviousFailure(kind, message));
        while (_recent.Count > Capacity)
        {
            _recent.Dequeue();
        }
    }
}
