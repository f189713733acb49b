using Microsoft.CodeAnalysis;

namespace Sigil.Evaluation.Compilation;

/// <summary>How <see cref="ProjectSession.OpenAsync"/> opens and compiles a project.</summary>
public sealed record ProjectSessionOptions
{
    /// <summary>The project's own configuration, optimized code, load failures refused, sources keyed from the project directory.</summary>
    public static ProjectSessionOptions Default { get; } = new();

    /// <summary>
    /// The MSBuild <c>Configuration</c> to evaluate the project with (<c>Debug</c>, <c>Release</c>); <c>null</c> keeps the
    /// project's default. It decides preprocessor symbols and which build outputs of referenced projects are used.
    /// </summary>
    public string? Configuration { get; init; }

    /// <summary>The target framework to open a multi-targeting project for; <c>null</c> lets MSBuild pick the first.</summary>
    public string? TargetFramework { get; init; }

    /// <summary>More MSBuild global properties (applied after <see cref="Configuration"/> and <see cref="TargetFramework"/>).</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    /// <summary>
    /// The folder that the keys of <see cref="ProjectSession.Sources"/> are relative to, and that relative paths given to
    /// <see cref="CandidateCompiler.Compile"/> are resolved against (for example the repository root, so that candidates'
    /// diffs apply with <c>git apply</c> there). <c>null</c>: the project's directory.
    /// </summary>
    public string? SourceRoot { get; init; }

    /// <summary>
    /// The optimization every compilation of the session uses; <see cref="Microsoft.CodeAnalysis.OptimizationLevel.Release"/>
    /// by default, whatever the configuration, because a Debug image runs with JIT optimizations off and its timings say
    /// little about the code. <c>null</c> keeps the project's own setting.
    /// </summary>
    public OptimizationLevel? OptimizationLevel { get; init; } = Microsoft.CodeAnalysis.OptimizationLevel.Release;

    /// <summary>
    /// When <c>false</c> (the default) a failure reported while MSBuild loads the project (a broken project file, a
    /// missing import, an unresolvable reference) makes <see cref="ProjectSession.OpenAsync"/> throw, because candidates
    /// compiled against a half-loaded project fail for reasons that are not theirs. When <c>true</c> such failures are only
    /// listed in <see cref="ProjectSession.LoadDiagnostics"/>.
    /// </summary>
    public bool AllowLoadFailures { get; init; }
}
