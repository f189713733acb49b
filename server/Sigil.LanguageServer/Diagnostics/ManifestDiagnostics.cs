using Sigil.LanguageServer.State;
using Sigil.Protocol.Lsp;
using Sigil.Trust.Verification;

namespace Sigil.LanguageServer.Diagnostics;

/// <summary>
/// Verifies the project's manifest exactly as <c>sigil verify</c> and the resolver do (<see cref="VerifyService"/>) and
/// turns a failure into one diagnostic on the manifest file, coded with the verification code (warnings follow as
/// warnings). A valid manifest gets none.
/// </summary>
internal static class ManifestDiagnostics
{
    /// <summary>The manifest's path and diagnostics, or null when the project has no manifest file.</summary>
    public static (string Path, IReadOnlyList<Diagnostic> Diagnostics)? Check(ProjectContext project)
    {
        var path = ManifestLocator.Path(project);
        if (!File.Exists(path))
        {
            return null;
        }
        var result = new VerifyService().Verify(new VerifyRequest(path, project.Paths));
        var diagnostics = new List<Diagnostic>();
        var top = new Sigil.Protocol.Lsp.Range { Start = new Position(), End = new Position { Line = 0, Character = 1 } };
        if (!result.Valid)
        {
            diagnostics.Add(new Diagnostic
            {
                Range = top,
                Severity = DiagnosticSeverity.Error,
                Code = result.Code,
                Message = $"This manifest would not be applied ({result.Code}): {result.Message}",
            });
        }
        diagnostics.AddRange(result.Warnings.Select(w => new Diagnostic { Range = top, Severity = DiagnosticSeverity.Warning, Code = "manifest-warning", Message = w }));
        return (path, diagnostics);
    }
}
