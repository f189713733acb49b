namespace Sigil.Projects.Pins;

/// <summary>One pin as recorded in a built assembly by the generator.</summary>
/// <param name="FunctionId">The exact FunctionID.</param>
/// <param name="Spec">The spec.</param>
/// <param name="Workspace">The serving workspace.</param>
/// <param name="Eval">The eval function.</param>
/// <param name="SourceFile">Source file relative to the project.</param>
/// <param name="SourceLine">1-based declaration line.</param>
public sealed record PinEntry(string FunctionId, string Spec, string Workspace, string Eval, string SourceFile, int SourceLine);
