using Microsoft.CodeAnalysis;

namespace Sigil.Generators.Diagnostics
{
    /// <summary>The diagnostics the generator reports. Every message says how to fix the problem.</summary>
    internal static class SigilDiagnostics
    {
        public const string Category = "Sigil";

        /// <summary>{0} eval name, {1} pin, {2} type searched, {3} expected parameter list.</summary>
        public static readonly DiagnosticDescriptor EvalNotFound = new DiagnosticDescriptor(
            id: "SIGIL001",
            title: "Eval method not found",
            messageFormat: "Eval '{0}' of pin '{1}' is not a method of '{2}'; declare 'static double {0}({3})' on '{2}', or set EvalType to the type that declares it",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The Eval named on [Improve] must be a static method of the pin's type, or of EvalType when that is set.");

        /// <summary>{0} eval name, {1} pin, {2} expected signature, {3} what is wrong.</summary>
        public static readonly DiagnosticDescriptor EvalSignature = new DiagnosticDescriptor(
            id: "SIGIL002",
            title: "Eval method has the wrong signature",
            messageFormat: "Eval '{0}' of pin '{1}' has the wrong signature ({3}); expected '{2}', returning double, float, int, long, decimal or bool",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "An eval is static, non-generic, takes the pin's parameter types in order followed by the pin's (awaited) result type unless the pin is void, and returns a score.");

        /// <summary>{0} pin, {1} spec name, {2} declared specs.</summary>
        public static readonly DiagnosticDescriptor SpecNotDeclared = new DiagnosticDescriptor(
            id: "SIGIL003",
            title: "Spec not declared",
            messageFormat: "Pin '{0}' names spec '{1}', which is not declared in this project; declare it with [assembly: Sigil.Spec(\"{1}\")] or use a declared spec ({2})",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Every spec named on [Improve] must be declared in the same project with [assembly: Sigil.Spec(...)].");

        /// <summary>{0} pin.</summary>
        public static readonly DiagnosticDescriptor PinNotCalledDirectly = new DiagnosticDescriptor(
            id: "SIGIL004",
            title: "Pin used other than by a direct call",
            messageFormat: "Pin '{0}' is used here as a method group, delegate or inside an expression tree, so calls through it are not routed through Sigil nor tracked; call it directly, for example wrap it in a lambda that calls '{0}(...)'",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Sigil routes pinned calls with C# interceptors, which only replace direct calls written in this project. Method groups, delegates, expression trees and reflection call the original method.");

        /// <summary>{0} pin, {1} the unsupported part.</summary>
        public static readonly DiagnosticDescriptor UnsupportedPinShape = new DiagnosticDescriptor(
            id: "SIGIL005",
            title: "Unsupported pin shape",
            messageFormat: "Pin '{0}' cannot be routed: {1}; pin a non-generic static or class instance method with by-value parameters (a wrapper that calls this one) instead",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Pins must be ordinary non-generic methods with a body, in non-generic types, with by-value parameters and result that are not ref structs; instance pins must be on classes.");

        /// <summary>{0} spec name, {1} what is wrong.</summary>
        public static readonly DiagnosticDescriptor InvalidSpec = new DiagnosticDescriptor(
            id: "SIGIL006",
            title: "Invalid spec declaration",
            messageFormat: "Spec declaration '{0}' is invalid: {1}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A spec name is non-empty, uses only ASCII letters, digits, '-', '_' and '.', and is declared once per project.");

        /// <summary>{0} pin, {1} spec, {2} expected eval parameter list.</summary>
        public static readonly DiagnosticDescriptor MissingEval = new DiagnosticDescriptor(
            id: "SIGIL007",
            title: "Pin without Eval",
            messageFormat: "Pin '{0}' has no Eval; name a static scoring method, for example [Improve(\"{1}\", Eval = nameof(Score))] with 'static double Score({2})'",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Every pin needs an eval function that scores its results; Sigil cannot compare candidates without it.");
    }
}
