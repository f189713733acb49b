using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Generators.Diagnostics;
using Sigil.Generators.Identity;
using Sigil.Generators.Model;

namespace Sigil.Generators.Analysis
{
    /// <summary>Turns one [Improve] target into a <see cref="PinModel"/> (shape, eval and identity checks).</summary>
    internal static class PinReader
    {
        public const string ImproveAttributeName = "Sigil.ImproveAttribute";
        public const string SensitiveAttributeName = "Sigil.SensitiveAttribute";

        public static PinModel Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var compilation = context.SemanticModel.Compilation;
            var attribute = context.Attributes[0];
            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var spec = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
            string? evalName = null;
            ITypeSymbol? evalType = null;
            var workspace = "default";
            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Eval":
                        evalName = named.Value.Value as string;
                        break;
                    case "EvalType":
                        evalType = named.Value.Value as ITypeSymbol;
                        break;
                    case "Workspace":
                        workspace = named.Value.Value as string ?? workspace;
                        break;
                }
            }
            var attributeLocation = attributeSyntax?.GetLocation();
            if (HasErrors(attribute))
            {
                // The compiler reports the broken attribute argument; the pin is not routed meanwhile.
                var name = context.TargetSymbol.Name;
                return new PinModel(context.TargetSymbol.GetDocumentationCommentId() ?? name, name, name, spec, null, workspace,
                    context.TargetNode.SyntaxTree.FilePath, 0, EquatableArray<DiagnosticInfo>.Empty, null, null, null);
            }
            var specLocation = Argument(attributeSyntax, null)?.GetLocation() ?? attributeLocation;
            var evalLocation = Argument(attributeSyntax, "Eval")?.GetLocation() ?? attributeLocation;

            var diagnostics = new List<DiagnosticInfo>();
            if (context.TargetSymbol is not IMethodSymbol method)
            {
                var name = context.TargetSymbol.Name;
                diagnostics.Add(DiagnosticInfo.Create(SigilDiagnostics.UnsupportedPinShape, attributeLocation, name, "it is not a method"));
                return new PinModel(name, name, name, spec, specLocation, workspace, context.TargetNode.SyntaxTree.FilePath, 0,
                    diagnostics.ToEquatableArray(), null, null, null);
            }
            var displayName = DisplayName(method);
            var shapeProblem = ShapeChecker.Check(method, compilation, out var declaration);
            var location = declaration?.Identifier.GetLocation() ?? method.Locations.FirstOrDefault() ?? attributeLocation;
            if (shapeProblem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(SigilDiagnostics.UnsupportedPinShape, location, displayName, shapeProblem));
            }

            var kind = Classify(method, compilation, out var result);
            EvalModel? eval = null;
            if (string.IsNullOrEmpty(evalName))
            {
                var parameters = shapeProblem is null ? TypeNames.ParameterList(method, result) : "...";
                diagnostics.Add(DiagnosticInfo.Create(SigilDiagnostics.MissingEval, attributeLocation, displayName, spec, parameters));
            }
            else if (shapeProblem is null)
            {
                eval = EvalResolver.Resolve(method, evalName!, evalType, result, compilation, evalLocation, diagnostics);
            }

            PinSignature? signature = null;
            IdentityParts? identity = null;
            if (shapeProblem is null && declaration is not null)
            {
                signature = Signature(method, kind, result, compilation);
                identity = FunctionIdBuilder.Parts(method, declaration);
            }
            var line = location is null ? 0 : location.GetLineSpan().StartLinePosition.Line + 1;
            var filePath = declaration?.SyntaxTree.FilePath ?? context.TargetNode.SyntaxTree.FilePath;
            return new PinModel(
                method.GetDocumentationCommentId() ?? displayName,
                method.MetadataName,
                displayName,
                spec,
                specLocation,
                workspace,
                filePath,
                line,
                diagnostics.ToEquatableArray(),
                signature,
                eval,
                identity);
        }

        private static bool HasErrors(AttributeData attribute) =>
            attribute.AttributeConstructor is null
            || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
            || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);

        /// <summary>Type.Method, for messages.</summary>
        public static string DisplayName(IMethodSymbol method) =>
            method.ContainingType is null ? method.Name : TypeNames.NestedName(method.ContainingType) + "." + method.Name;

        public static TypeReference TypeReference(INamedTypeSymbol type, Compilation compilation) => new TypeReference(
            TypeNames.Code(type),
            TypeNames.Display(type),
            TypeNames.MetadataName(type),
            type.IsValueType,
            compilation.IsSymbolAccessibleWithin(type, compilation.Assembly),
            type.IsStatic);

        private static PinSignature Signature(IMethodSymbol method, ReturnKind kind, ITypeSymbol? result, Compilation compilation) => new PinSignature(
            TypeReference(method.ContainingType, compilation),
            method.IsStatic,
            method.IsExtensionMethod,
            compilation.IsSymbolAccessibleWithin(method, compilation.Assembly),
            method.Parameters.Select(p => new ParameterModel(
                p.Name,
                TypeNames.Code(p.Type),
                TypeNames.Display(p.Type),
                IsReferenceLike(p.Type),
                p.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SensitiveAttributeName))).ToEquatableArray(),
            kind,
            method.ReturnsVoid ? "void" : TypeNames.Code(method.ReturnType),
            result is null ? null : TypeNames.Code(result),
            result is null ? "void" : TypeNames.Display(result),
            result is not null && IsReferenceLike(result));

        private static bool IsReferenceLike(ITypeSymbol type) => type.IsReferenceType || type.TypeKind == TypeKind.TypeParameter;

        /// <summary>How the method returns; <paramref name="result"/> is the (awaited) result, null when none.</summary>
        private static ReturnKind Classify(IMethodSymbol method, Compilation compilation, out ITypeSymbol? result)
        {
            result = null;
            if (method.ReturnsVoid)
            {
                return ReturnKind.Void;
            }
            if (method.ReturnType is INamedTypeSymbol named)
            {
                var definition = named.OriginalDefinition;
                if (Is(definition, compilation, "System.Threading.Tasks.Task"))
                {
                    return ReturnKind.Task;
                }
                if (Is(definition, compilation, "System.Threading.Tasks.ValueTask"))
                {
                    return ReturnKind.ValueTask;
                }
                if (Is(definition, compilation, "System.Threading.Tasks.Task`1"))
                {
                    result = named.TypeArguments[0];
                    return ReturnKind.TaskOfT;
                }
                if (Is(definition, compilation, "System.Threading.Tasks.ValueTask`1"))
                {
                    result = named.TypeArguments[0];
                    return ReturnKind.ValueTaskOfT;
                }
            }
            result = method.ReturnType;
            return ReturnKind.Value;
        }

        private static bool Is(INamedTypeSymbol type, Compilation compilation, string metadataName) =>
            SymbolEqualityComparer.Default.Equals(type, compilation.GetTypeByMetadataName(metadataName));

        /// <summary>The positional argument (name null) or the named argument of an attribute.</summary>
        private static AttributeArgumentSyntax? Argument(AttributeSyntax? attribute, string? name)
        {
            if (attribute?.ArgumentList is null)
            {
                return null;
            }
            foreach (var argument in attribute.ArgumentList.Arguments)
            {
                if (name is null ? argument.NameEquals is null : argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument;
                }
            }
            return null;
        }
    }
}
