using Sigil.Optimizers.Strategies.Configuration;

namespace Sigil.Optimizers.Strategies;

/// <summary>
/// An optimizer of Sigil's library (see <see cref="OptimizerCatalog"/>): an <see cref="IOptimizer"/> with its master
/// configuration and the reason its last run stopped. An instance runs one search at a time.
/// </summary>
public interface IConfiguredOptimizer : IOptimizer
{
    /// <summary>The system prompt and effective parameters.</summary>
    OptimizerConfiguration Configuration { get; }

    /// <summary>Why the last <see cref="IOptimizer.RunAsync"/> stopped; <c>null</c> before a run ends (or when it was cancelled).</summary>
    OptimizerStop? LastStop { get; }
}
