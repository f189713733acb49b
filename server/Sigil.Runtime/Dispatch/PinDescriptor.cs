using System.ComponentModel;

namespace Sigil.Runtime;

/// <summary>Everything the runtime knows of one pin, emitted as constants by the generator.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PinDescriptor
{
    /// <summary>Creates a descriptor. Arrays are indexed by parameter position.</summary>
    /// <param name="functionId">The exact FunctionID (sigil://...).</param>
    /// <param name="spec">The spec name.</param>
    /// <param name="workspace">The serving workspace.</param>
    /// <param name="evalName">The eval function as "Type.Method".</param>
    /// <param name="parameterNames">The parameter names.</param>
    /// <param name="parameterTypes">The parameter types as C# display strings.</param>
    /// <param name="sensitive">Which parameters are marked [Sensitive].</param>
    /// <param name="returnType">The (awaited) return type, "void" when none.</param>
    /// <param name="isAsync">Whether the pin returns Task/ValueTask.</param>
    /// <param name="sourceFile">Source file path relative to the project directory.</param>
    /// <param name="sourceLine">1-based line of the method declaration.</param>
    public PinDescriptor(
        string functionId, string spec, string workspace, string evalName,
        string[] parameterNames, string[] parameterTypes, bool[] sensitive,
        string returnType, bool isAsync, string sourceFile, int sourceLine)
    {
        if (parameterNames.Length != parameterTypes.Length || parameterNames.Length != sensitive.Length)
        {
            throw new ArgumentException("Parameter names, types and sensitivity flags must have the same length.");
        }
        FunctionId = functionId;
        Spec = spec;
        Workspace = workspace;
        EvalName = evalName;
        ParameterNames = parameterNames;
        ParameterTypes = parameterTypes;
        Sensitive = sensitive;
        ReturnType = returnType;
        IsAsync = isAsync;
        SourceFile = sourceFile;
        SourceLine = sourceLine;
    }

    /// <summary>The exact FunctionID.</summary>
    public string FunctionId { get; }

    /// <summary>The spec name.</summary>
    public string Spec { get; }

    /// <summary>The serving workspace.</summary>
    public string Workspace { get; }

    /// <summary>The eval function as "Type.Method".</summary>
    public string EvalName { get; }

    /// <summary>The parameter names.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The parameter types.</summary>
    public IReadOnlyList<string> ParameterTypes { get; }

    /// <summary>Which parameters are sensitive.</summary>
    public IReadOnlyList<bool> Sensitive { get; }

    /// <summary>The (awaited) return type, "void" when none.</summary>
    public string ReturnType { get; }

    /// <summary>Whether the pin is async.</summary>
    public bool IsAsync { get; }

    /// <summary>Source file relative to the project directory.</summary>
    public string SourceFile { get; }

    /// <summary>1-based line of the declaration.</summary>
    public int SourceLine { get; }
}
