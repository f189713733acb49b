namespace Sigil.Evaluation.Compilation;

/// <summary>A compiler (or source generator) diagnostic, ready to store and to feed back to the generator of the candidate.</summary>
/// <param name="Id">The diagnostic id (<c>CS0029</c>, <c>SIGIL003</c>).</param>
/// <param name="Severity">Its effective severity.</param>
/// <param name="Message">The compiler's message (culture-invariant English).</param>
/// <param name="File">
/// The file, as a source key (relative to the session's source root, <c>/</c> separators) or, for files outside it and
/// generated sources, as the compiler names them; <c>null</c> for diagnostics without a location.
/// </param>
/// <param name="Line">1-based line of the start; 0 without a location.</param>
/// <param name="Column">1-based column of the start; 0 without a location.</param>
/// <param name="InChangedFile">Whether it is in one of the files the candidate changed (what the candidate's author can fix).</param>
public sealed record CompileDiagnostic(string Id, CompileSeverity Severity, string Message, string? File, int Line, int Column, bool InChangedFile)
{
    /// <summary>The compiler's own format: <c>Kernels.cs(12,20): error CS0029: …</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == CompileSeverity.Error ? "error" : "warning";
        return File is null ? $"{severity} {Id}: {Message}" : $"{File}({Line},{Column}): {severity} {Id}: {Message}";
    }
}
