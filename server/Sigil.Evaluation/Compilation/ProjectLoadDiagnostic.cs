namespace Sigil.Evaluation.Compilation;

/// <summary>Something MSBuild reported while loading the project.</summary>
/// <param name="IsFailure"><c>true</c> for a failure (the project may be incomplete), <c>false</c> for a warning.</param>
/// <param name="Message">MSBuild's message.</param>
public sealed record ProjectLoadDiagnostic(bool IsFailure, string Message)
{
    /// <summary><c>failure: …</c> or <c>warning: …</c>.</summary>
    public override string ToString() => (IsFailure ? "failure: " : "warning: ") + Message;
}
