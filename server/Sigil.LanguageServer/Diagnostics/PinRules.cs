using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.LanguageServer.Lenses;
using Sigil.Protocol.Lsp;
using Diagnostic = Sigil.Protocol.Lsp.Diagnostic;
using DiagnosticSeverity = Sigil.Protocol.Lsp.DiagnosticSeverity;

namespace Sigil.LanguageServer.Diagnostics;

/// <summary>
/// The syntactic subset of the generator's pin rules, so misused pins show while typing (the build reports the
/// rest, with the same ids and words): SIGIL005 for shapes an interceptor cannot route (local function, generic method
/// or type, file-local type, abstract, extern, no body, <c>__arglist</c>, ref return, by-reference or pointer
/// parameter, instance method of a struct or interface), SIGIL007 for a pin without Eval, SIGIL001 for an Eval that
/// names no method of the pin's type (only when the type is not partial and EvalType is not set).
/// </summary>
internal static class PinRules
{
    /// <summary>The diagnostics of a parsed document.</summary>
    public static IReadOnlyList<Diagnostic> Check(SyntaxTree tree, IReadOnlyList<PinDeclaration> pins)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var local in tree.GetRoot().DescendantNodes().OfType<LocalFunctionStatementSyntax>())
        {
            if (PinScanner.FindImprove(local.AttributeLists) is not null)
            {
                diagnostics.Add(Error(tree, local.Identifier.Span, PinRuleMessages.UnsupportedPinShapeId,
                    string.Format(PinRuleMessages.UnsupportedPinShape, local.Identifier.ValueText, "it is a local function (calls to it cannot be intercepted)")));
            }
        }
        foreach (var pin in pins)
        {
            var shape = ShapeProblem(pin.Method);
            if (shape is not null)
            {
                diagnostics.Add(Error(tree, pin.Method.Identifier.Span, PinRuleMessages.UnsupportedPinShapeId,
                    string.Format(PinRuleMessages.UnsupportedPinShape, pin.DisplayName, shape)));
            }
            if (pin.Eval is null)
            {
                var parameters = shape is null ? ParameterList(pin.Method) : "...";
                diagnostics.Add(Error(tree, pin.Attribute.Span, PinRuleMessages.MissingEvalId,
                    string.Format(PinRuleMessages.MissingEval, pin.DisplayName, pin.Spec ?? "spec", parameters)));
            }
            else if (shape is null && !pin.HasEvalType && MissingEval(pin) is { } type)
            {
                var argument = pin.Attribute.ArgumentList!.Arguments.First(a => a.NameEquals?.Name.Identifier.ValueText == "Eval");
                diagnostics.Add(Error(tree, argument.Span, PinRuleMessages.EvalNotFoundId,
                    string.Format(PinRuleMessages.EvalNotFound, pin.Eval, pin.DisplayName, type, ParameterList(pin.Method))));
            }
        }
        return diagnostics;
    }

    private static string? ShapeProblem(MethodDeclarationSyntax method)
    {
        if (method.TypeParameterList is not null)
        {
            return "it is a generic method";
        }
        foreach (var type in method.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (type.TypeParameterList is not null)
            {
                return $"its containing type '{type.Identifier.ValueText}' is generic";
            }
            if (type.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                return $"its containing type '{type.Identifier.ValueText}' is file-local (generated code cannot name it)";
            }
        }
        if (method.Modifiers.Any(SyntaxKind.AbstractKeyword))
        {
            return "it is abstract (it has no body to route or improve)";
        }
        if (method.Modifiers.Any(SyntaxKind.ExternKeyword))
        {
            return "it is extern (it has no body to route or improve)";
        }
        if (method.Body is null && method.ExpressionBody is null)
        {
            return method.Modifiers.Any(SyntaxKind.PartialKeyword) ? null : "it has no body";
        }
        if (method.ParameterList.Parameters.Any(p => p.Type is null))
        {
            return "it takes __arglist";
        }
        if (method.ReturnType is RefTypeSyntax)
        {
            return "it returns by reference";
        }
        foreach (var parameter in method.ParameterList.Parameters)
        {
            var refKind = parameter.Modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword));
            if (refKind != default)
            {
                var readOnly = parameter.Modifiers.Any(SyntaxKind.ReadOnlyKeyword);
                return $"parameter '{parameter.Identifier.ValueText}' is passed by reference ({(readOnly ? "ref readonly" : refKind.ValueText)})";
            }
            if (parameter.Type is PointerTypeSyntax or FunctionPointerTypeSyntax)
            {
                return $"parameter '{parameter.Identifier.ValueText}' of type '{parameter.Type}' is a pointer";
            }
        }
        if (!method.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            switch (method.Parent)
            {
                case StructDeclarationSyntax:
                case RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword):
                    return "it is an instance method of a struct (an interceptor would copy the receiver)";
                case InterfaceDeclarationSyntax:
                    return "it is an instance method of an interface (the receiver may be a struct)";
            }
        }
        return null;
    }

    /// <summary>The type searched when the pin's Eval names no method of it, else null (also null when unsure).</summary>
    private static string? MissingEval(PinDeclaration pin)
    {
        if (pin.Method.Parent is not TypeDeclarationSyntax type || type.Modifiers.Any(SyntaxKind.PartialKeyword) || pin.Eval is null or "?")
        {
            return null;
        }
        var found = type.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == pin.Eval);
        var dot = pin.DisplayName.LastIndexOf('.');
        return found ? null : dot < 0 ? type.Identifier.ValueText : pin.DisplayName[..dot];
    }

    /// <summary>The eval's expected parameters as written in the pin: <c>double x, double result</c>.</summary>
    private static string ParameterList(MethodDeclarationSyntax method)
    {
        var parameters = method.ParameterList.Parameters.Select(p => $"{p.Type} {p.Identifier.ValueText}").ToList();
        var returnType = method.ReturnType.ToString();
        var awaited = method.ReturnType is GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments.Count: 1 } generic
            ? generic.TypeArgumentList.Arguments[0].ToString()
            : returnType is "void" or "Task" or "ValueTask" ? null : returnType;
        if (awaited is not null)
        {
            parameters.Add($"{awaited} result");
        }
        return string.Join(", ", parameters);
    }

    private static Diagnostic Error(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span, string id, string message) => new()
    {
        Range = LineMap.Range(tree, span),
        Severity = DiagnosticSeverity.Error,
        Code = id,
        Source = "sigil",
        Message = message,
    };
}
