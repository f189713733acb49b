namespace Sigil.LanguageServer.Diagnostics;

/// <summary>
/// The generator's diagnostic ids and message formats (server/Sigil.Generators/Diagnostics/SigilDiagnostics.cs, which
/// is an analyzer and cannot be referenced): the editor shows the very words the build will. A test checks these
/// strings against the generator's source.
/// </summary>
internal static class PinRuleMessages
{
    /// <summary>SIGIL001 id.</summary>
    public const string EvalNotFoundId = "SIGIL001";

    /// <summary>SIGIL001: {0} eval name, {1} pin, {2} type searched, {3} expected parameter list.</summary>
    public const string EvalNotFound = "Eval '{0}' of pin '{1}' is not a method of '{2}'; declare 'static double {0}({3})' on '{2}', or set EvalType to the type that declares it";

    /// <summary>SIGIL005 id.</summary>
    public const string UnsupportedPinShapeId = "SIGIL005";

    /// <summary>SIGIL005: {0} pin, {1} the unsupported part.</summary>
    public const string UnsupportedPinShape = "Pin '{0}' cannot be routed: {1}; pin a non-generic static or class instance method with by-value parameters (a wrapper that calls this one) instead";

    /// <summary>SIGIL007 id.</summary>
    public const string MissingEvalId = "SIGIL007";

    /// <summary>SIGIL007: {0} pin, {1} spec, {2} expected eval parameter list.</summary>
    public const string MissingEval = "Pin '{0}' has no Eval; name a static scoring method, for example [Improve(\"{1}\", Eval = nameof(Score))] with 'static double Score({2})'";
}
