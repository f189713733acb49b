namespace Sigil.Evaluation.Sandbox;

/// <summary>One forbidden use found in the compiled candidate.</summary>
/// <param name="Capability">The capability the use needs.</param>
/// <param name="Member">
/// What is used: a member as <c>Namespace.Type.Member</c> (<c>System.IO.File.ReadAllText</c>, <c>System.Net.Sockets.TcpClient..ctor</c>),
/// a native import as <c>dll!entry</c>, an IL opcode (<c>localloc</c>, <c>calli</c>), a pointer type (<c>System.Int32*</c>) or an attribute.
/// </param>
/// <param name="Location">Where: <c>Namespace.Type::Method</c> (nested types joined with <c>+</c>), or <c>&lt;module&gt;</c>.</param>
public sealed record ApiViolation(ApiCapability Capability, string Member, string Location)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Capability}: {Member} in {Location}";
}

/// <summary>The result of <see cref="ApiPolicyChecker.Check"/>.</summary>
public sealed record ApiPolicyReport
{
    internal ApiPolicyReport(IReadOnlyList<ApiViolation> violations, int methodsChecked)
    {
        Violations = violations;
        MethodsChecked = methodsChecked;
    }

    /// <summary>True when no forbidden use was found: the candidate may run (in the sandboxed worker).</summary>
    public bool Allowed => Violations.Count == 0;

    /// <summary>Every forbidden use, once per (capability, member, location), in metadata order.</summary>
    public IReadOnlyList<ApiViolation> Violations { get; }

    /// <summary>How many method definitions were checked (those the <c>isChangedCode</c> predicate selected, or all).</summary>
    public int MethodsChecked { get; }
}
