using System.ComponentModel;

namespace Sigil.Runtime;

/// <summary>
/// Emitted by the generator once per pin on the assembly, so tools (<c>sigil inspect-pins</c>) can list the pins
/// of a built assembly with their exact FunctionIDs without running it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class SigilPinAttribute(string functionId, string spec, string workspace, string eval, string sourceFile, int sourceLine) : Attribute
{
    /// <summary>The exact FunctionID.</summary>
    public string FunctionId { get; } = functionId;

    /// <summary>The spec name.</summary>
    public string Spec { get; } = spec;

    /// <summary>The serving workspace.</summary>
    public string Workspace { get; } = workspace;

    /// <summary>The eval function as "Type.Method".</summary>
    public string Eval { get; } = eval;

    /// <summary>Source file relative to the project directory.</summary>
    public string SourceFile { get; } = sourceFile;

    /// <summary>1-based line of the declaration.</summary>
    public int SourceLine { get; } = sourceLine;
}
