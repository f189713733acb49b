using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Sigil.Generators.Diagnostics;
using Sigil.Generators.Identity;
using Sigil.Generators.Model;

namespace Sigil.Generators.Analysis
{
    /// <summary>Finds and checks the eval named on [Improve] (SIGIL001, SIGIL002).</summary>
    internal static class EvalResolver
    {
        /// <summary>The eval, or null after adding the diagnostic that says why not.</summary>
        /// <param name="pin">The pinned method (already of a supported shape).</param>
        /// <param name="evalName">The Eval named on [Improve].</param>
        /// <param name="evalType">EvalType, when set.</param>
        /// <param name="result">The pin's (awaited) result, null when it has none.</param>
        /// <param name="compilation">The compilation.</param>
        /// <param name="location">Where to report.</param>
        /// <param name="diagnostics">Receives SIGIL001/SIGIL002.</param>
        public static EvalModel? Resolve(
            IMethodSymbol pin,
            string evalName,
            ITypeSymbol? evalType,
            ITypeSymbol? result,
            Compilation compilation,
            Location? location,
            List<DiagnosticInfo> diagnostics)
        {
            var pinName = PinReader.DisplayName(pin);
            var expected = pin.Parameters.Select(p => p.Type).ToList();
            if (result is not null)
            {
                expected.Add(result);
            }
            var parameterList = TypeNames.ParameterList(pin, result);
            var searched = evalType as INamedTypeSymbol ?? (evalType is null ? pin.ContainingType : null);
            if (searched is null || searched.TypeKind == TypeKind.Error)
            {
                var shown = evalType?.ToDisplayString() ?? "?";
                diagnostics.Add(DiagnosticInfo.Create(SigilDiagnostics.EvalNotFound, location, evalName, pinName, shown, parameterList));
                return null;
            }

            var candidates = new List<IMethodSymbol>();
            for (var type = searched; type is not null; type = type.BaseType)
            {
                candidates.AddRange(type.GetMembers(evalName).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary));
            }
            if (candidates.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    SigilDiagnostics.EvalNotFound, location, evalName, pinName, TypeNames.Display(searched), parameterList));
                return null;
            }

            string? firstProblem = null;
            foreach (var candidate in candidates)
            {
                var problem = Mismatch(candidate, expected, compilation);
                if (problem is null)
                {
                    return Model(candidate, compilation);
                }
                firstProblem ??= problem;
            }
            var signature = "static double " + evalName + "(" + parameterList + ")";
            diagnostics.Add(DiagnosticInfo.Create(SigilDiagnostics.EvalSignature, location, evalName, pinName, signature, firstProblem!));
            return null;
        }

        private static string? Mismatch(IMethodSymbol candidate, IReadOnlyList<ITypeSymbol> expected, Compilation compilation)
        {
            if (!candidate.IsStatic)
            {
                return "it is not static";
            }
            if (candidate.IsGenericMethod)
            {
                return "it is generic";
            }
            if (candidate.Parameters.Length != expected.Count)
            {
                return "it takes " + candidate.Parameters.Length + " parameter(s), not " + expected.Count;
            }
            for (var i = 0; i < expected.Count; i++)
            {
                var parameter = candidate.Parameters[i];
                if (parameter.RefKind != RefKind.None)
                {
                    return "parameter '" + parameter.Name + "' is not passed by value";
                }
                if (!compilation.ClassifyCommonConversion(expected[i], parameter.Type).IsIdentity)
                {
                    return "parameter '" + parameter.Name + "' is '" + TypeNames.Display(parameter.Type) + "', not '" + TypeNames.Display(expected[i]) + "'";
                }
            }
            if (ScoreKind(candidate.ReturnType) is null)
            {
                return "it returns '" + TypeNames.Display(candidate.ReturnType) + "'";
            }
            return null;
        }

        /// <summary>True for bool, false for numeric scores, null for anything else.</summary>
        private static bool? ScoreKind(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Boolean => true,
            SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Int32
                or SpecialType.System_Int64 or SpecialType.System_Decimal => false,
            _ => null,
        };

        private static EvalModel Model(IMethodSymbol eval, Compilation compilation) => new EvalModel(
            eval.GetDocumentationCommentId() ?? eval.Name,
            eval.MetadataName,
            PinReader.TypeReference(eval.ContainingType, compilation),
            compilation.IsSymbolAccessibleWithin(eval, compilation.Assembly),
            ScoreKind(eval.ReturnType) == true,
            TypeNames.Code(eval.ReturnType),
            eval.Parameters.Select(p => TypeNames.Code(p.Type)).ToEquatableArray());
    }
}
