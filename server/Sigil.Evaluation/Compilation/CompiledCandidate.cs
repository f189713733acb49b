using System.Collections.Immutable;

namespace Sigil.Evaluation.Compilation;

/// <summary>
/// A candidate (or the baseline) compiled in memory: the whole project's assembly with the candidate's files swapped in
/// and the generators re-run, ready to load into a collectible AssemblyLoadContext next to the project's build output.
/// </summary>
public sealed record CompiledCandidate : CompilationResult
{
    internal CompiledCandidate(byte[] image, byte[] pdb, string assemblyName, ImmutableArray<CompileDiagnostic> diagnostics, ImmutableArray<string> changedFiles, TimeSpan elapsed)
        : base(diagnostics, changedFiles, elapsed)
    {
        Image = image;
        Pdb = pdb;
        AssemblyName = assemblyName;
    }

    /// <summary>The PE image.</summary>
    public byte[] Image { get; }

    /// <summary>The portable PDB (file and line information for stack traces).</summary>
    public byte[] Pdb { get; }

    /// <summary>The assembly's simple name: the project's, so that the application's other assemblies bind to it.</summary>
    public string AssemblyName { get; }

    /// <summary>
    /// Null for a whole-project image. For a method-only image (<see cref="MethodOnlyCompiler"/>): the metadata name of the
    /// static class that holds the new pin method (same name and parameters as the pin); the worker calls it there, with
    /// the baseline app loaded beside it.
    /// </summary>
    public string? EntryTypeName { get; init; }
}
