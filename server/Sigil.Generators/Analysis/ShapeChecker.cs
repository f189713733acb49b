using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Generators.Analysis
{
    /// <summary>Decides whether a pinned method can be routed by an interceptor (SIGIL005 when not).</summary>
    internal static class ShapeChecker
    {
        /// <summary>Null when supported, else what is unsupported (completes "Pin 'X' cannot be routed: ...").</summary>
        /// <param name="method">The pinned method.</param>
        /// <param name="compilation">Its compilation.</param>
        /// <param name="declaration">The declaration holding the body (the implementation part of a partial method).</param>
        public static string? Check(IMethodSymbol method, Compilation compilation, out MethodDeclarationSyntax? declaration)
        {
            declaration = null;
            switch (method.MethodKind)
            {
                case MethodKind.LocalFunction:
                    return "it is a local function (calls to it cannot be intercepted)";
                case MethodKind.AnonymousFunction:
                    return "it is a lambda";
                case MethodKind.Ordinary:
                    break;
                default:
                    return "it is not an ordinary method (" + method.MethodKind + ")";
            }
            if (method.IsGenericMethod)
            {
                return "it is a generic method";
            }
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.IsGenericType)
                {
                    return "its containing type '" + type.Name + "' is generic";
                }
                if (type.IsFileLocal)
                {
                    return "its containing type '" + type.Name + "' is file-local (generated code cannot name it)";
                }
            }
            if (method.IsAbstract)
            {
                return "it is abstract (it has no body to route or improve)";
            }
            if (method.IsExtern)
            {
                return "it is extern (it has no body to route or improve)";
            }
            if (method.IsPartialDefinition && method.PartialImplementationPart is null)
            {
                return "it is a partial method without a body";
            }
            var implementation = method.PartialImplementationPart ?? method;
            declaration = implementation.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax())
                .OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(d => d.Body is not null || d.ExpressionBody is not null);
            if (declaration is null)
            {
                return "it has no body";
            }
            if (method.IsVararg)
            {
                return "it takes __arglist";
            }
            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                return "it returns by reference";
            }
            if (!method.ReturnsVoid && TypeProblem(method.ReturnType, compilation) is { } returnProblem)
            {
                return "its return type '" + method.ReturnType.ToDisplayString() + "' " + returnProblem;
            }
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    return "parameter '" + parameter.Name + "' is passed by reference (" + RefKindText(parameter.RefKind) + ")";
                }
                if (TypeProblem(parameter.Type, compilation) is { } parameterProblem)
                {
                    return "parameter '" + parameter.Name + "' of type '" + parameter.Type.ToDisplayString() + "' " + parameterProblem;
                }
            }
            if (!method.IsStatic)
            {
                var type = method.ContainingType!;
                if (type.IsValueType)
                {
                    return "it is an instance method of a struct (an interceptor would copy the receiver)";
                }
                if (type.TypeKind == TypeKind.Interface)
                {
                    return "it is an instance method of an interface (the receiver may be a struct)";
                }
                if (!compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    return "it is an instance method of '" + type.Name + "', a type generated code cannot name (private or protected nested type)";
                }
            }
            return null;
        }

        private static string? TypeProblem(ITypeSymbol type, Compilation compilation)
        {
            if (type.TypeKind == TypeKind.Error)
            {
                return null; // The compiler reports it.
            }
            if (type.IsRefLikeType)
            {
                return "is a ref struct (it cannot be stored in the tracker's argument tuple)";
            }
            if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                return "is a pointer";
            }
            if (!compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
            {
                return "is not accessible from generated code (a private or protected nested type)";
            }
            return null;
        }

        private static string RefKindText(RefKind refKind) => refKind switch
        {
            RefKind.Ref => "ref",
            RefKind.Out => "out",
            RefKind.In => "in",
            _ => "ref readonly",
        };
    }
}
