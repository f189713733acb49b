using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Generators.Model;

namespace Sigil.Generators.Analysis
{
    /// <summary>
    /// The semantic pass over the name hits of one file: which calls bind to a pin (and can be intercepted), and
    /// which other uses of a pin escape routing (SIGIL004).
    /// </summary>
    internal static class CallSiteResolver
    {
        public static TreeCalls Resolve(TreeHits hits, EquatableArray<PinKey> pins, Compilation compilation, CancellationToken cancellationToken)
        {
            if (hits.Hits.Count == 0 || pins.Count == 0 || !compilation.ContainsSyntaxTree(hits.Tree))
            {
                return TreeCalls.Empty;
            }
            var byKey = new Dictionary<string, PinKey>();
            foreach (var pin in pins)
            {
                byKey[pin.Key] = pin;
            }
            var model = compilation.GetSemanticModel(hits.Tree);
            var root = hits.Tree.GetRoot(cancellationToken);
            var calls = new List<CallSiteModel>();
            var uses = new List<PinUseModel>();
            foreach (var hit in hits.Hits)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var node = root.FindNode(hit.Span, getInnermostNodeForTie: true);
                if (hit.IsCall)
                {
                    var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>(n => n.Span == hit.Span);
                    if (invocation is not null)
                    {
                        ResolveCall(invocation, model, byKey, calls, uses, cancellationToken);
                    }
                }
                else if (node is SimpleNameSyntax name)
                {
                    ResolveUse(name, model, byKey, uses, cancellationToken);
                }
            }
            return new TreeCalls(calls.ToEquatableArray(), uses.ToEquatableArray());
        }

        private static void ResolveCall(
            InvocationExpressionSyntax invocation,
            SemanticModel model,
            Dictionary<string, PinKey> pins,
            List<CallSiteModel> calls,
            List<PinUseModel> uses,
            CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || KeyOf(method) is not { } key
                || !pins.TryGetValue(key, out var pin))
            {
                return;
            }
            if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax })
            {
                return; // base.M() must stay a non-virtual call.
            }
            if (IsInside(invocation, model, pin, cancellationToken))
            {
                return; // Recursion (and the eval calling its pin) stays direct.
            }
            if (IsInExpressionTree(invocation, model, cancellationToken))
            {
                uses.Add(new PinUseModel(pin.Key, Name(method), invocation.GetLocation()));
                return;
            }
            var location = model.GetInterceptableLocation(invocation, cancellationToken);
            if (location is null)
            {
                return;
            }
            var line = invocation.GetLocation().GetLineSpan();
            calls.Add(new CallSiteModel(
                pin.Key,
                location.GetInterceptsLocationAttributeSyntax(),
                System.IO.Path.GetFileName(invocation.SyntaxTree.FilePath) + "(" + (line.StartLinePosition.Line + 1) + "," + (line.StartLinePosition.Character + 1) + ")",
                invocation.SyntaxTree.FilePath,
                invocation.SpanStart));
        }

        private static void ResolveUse(
            SimpleNameSyntax name,
            SemanticModel model,
            Dictionary<string, PinKey> pins,
            List<PinUseModel> uses,
            CancellationToken cancellationToken)
        {
            var info = model.GetSymbolInfo(name, cancellationToken);
            var symbols = info.Symbol is not null ? new[] { info.Symbol } : info.CandidateSymbols.ToArray();
            foreach (var symbol in symbols.OfType<IMethodSymbol>())
            {
                if (KeyOf(symbol) is { } key && pins.TryGetValue(key, out var pin))
                {
                    uses.Add(new PinUseModel(pin.Key, Name(symbol), name.GetLocation()));
                    return;
                }
            }
        }

        /// <summary>The pin key a call's target matches: reduced extensions and partial parts map to one method.</summary>
        private static string? KeyOf(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition.GetDocumentationCommentId();

        private static string Name(IMethodSymbol method) => PinReader.DisplayName(method.ReducedFrom ?? method);

        /// <summary>Whether the call is inside the pin's own body or its eval's (lambdas and local functions included).</summary>
        private static bool IsInside(SyntaxNode node, SemanticModel model, PinKey pin, CancellationToken cancellationToken)
        {
            for (var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken); symbol is not null; symbol = symbol.ContainingSymbol)
            {
                if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
                {
                    continue;
                }
                if (symbol is IMethodSymbol member)
                {
                    var key = (member.PartialDefinitionPart ?? member).GetDocumentationCommentId();
                    return key == pin.Key || (pin.EvalKey is not null && key == pin.EvalKey);
                }
                return false;
            }
            return false;
        }

        private static bool IsInExpressionTree(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var lambda in node.Ancestors().OfType<LambdaExpressionSyntax>())
            {
                var converted = model.GetTypeInfo(lambda, cancellationToken).ConvertedType;
                if (converted is INamedTypeSymbol { Name: "Expression", ContainingNamespace: { } ns }
                    && ns.ToDisplayString() == "System.Linq.Expressions")
                {
                    return true;
                }
            }
            return false;
        }
    }
}
