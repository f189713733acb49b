using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Generators.Model;

namespace Sigil.Generators.Analysis
{
    /// <summary>
    /// The syntax-only pass over one file: every simple name that spells a pin's method name, as a call or another
    /// use. Cheap, and cached per unchanged tree; only its hits get semantic work.
    /// </summary>
    internal static class CallSiteScanner
    {
        public static TreeHits Scan(SyntaxTree tree, EquatableArray<string> pinNames, CancellationToken cancellationToken)
        {
            if (pinNames.Count == 0)
            {
                return new TreeHits(tree, EquatableArray<NameHit>.Empty);
            }
            var names = new HashSet<string>(pinNames);
            var hits = new List<NameHit>();
            var root = tree.GetRoot(cancellationToken);
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || !names.Contains(token.ValueText))
                {
                    continue;
                }
                if (token.Parent is not SimpleNameSyntax name || name.Identifier != token)
                {
                    continue; // A declaration's identifier, not a use.
                }
                if (InvocationOf(name) is { } invocation)
                {
                    hits.Add(new NameHit(invocation.Span, IsCall: true));
                }
                else if (!IsInNameof(name) && !IsDeclarationContext(name))
                {
                    hits.Add(new NameHit(name.Span, IsCall: false));
                }
            }
            return new TreeHits(tree, hits.ToEquatableArray());
        }

        /// <summary>The invocation that calls <paramref name="name"/> (M(), x.M(), x?.M()), if any.</summary>
        public static InvocationExpressionSyntax? InvocationOf(SimpleNameSyntax name)
        {
            ExpressionSyntax invoked = name;
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
            {
                invoked = access;
            }
            else if (name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
            {
                invoked = binding;
            }
            return invoked.Parent is InvocationExpressionSyntax invocation && invocation.Expression == invoked ? invocation : null;
        }

        private static bool IsInNameof(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
                {
                    return true;
                }
                if (current is StatementSyntax or MemberDeclarationSyntax)
                {
                    return false;
                }
            }
            return false;
        }

        /// <summary>Names that cannot denote a method group (types in declarations, usings, qualified type names).</summary>
        private static bool IsDeclarationContext(SimpleNameSyntax name) =>
            name.Parent is QualifiedNameSyntax or UsingDirectiveSyntax or NameColonSyntax or NameEqualsSyntax
                or AliasQualifiedNameSyntax or TypeArgumentListSyntax;
    }
}
