namespace Sigil.Evaluation.Compilation;

/// <summary>The effective severity of a compiler diagnostic (after the project's warning settings, e.g. warnings as errors).</summary>
public enum CompileSeverity
{
    /// <summary>A warning: the candidate still compiles.</summary>
    Warning = 1,

    /// <summary>An error: the candidate does not compile.</summary>
    Error = 2,
}
