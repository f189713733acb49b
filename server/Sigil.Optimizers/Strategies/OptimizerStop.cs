namespace Sigil.Optimizers.Strategies;

/// <summary>How a run of an optimizer ended.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Message">The reason in words, for the run's report (for example "the method has no numeric literal to tune").</param>
/// <param name="Trials">The trials this run made (calls to <see cref="ISearchContext.TryAsync"/>).</param>
public sealed record OptimizerStop(StopReason Reason, string Message, int Trials);
