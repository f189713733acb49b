// This file is compiled into Sigil.Core and, as linked source, into Sigil.Generators (netstandard2.0):
// keep it free of newer language/library features so both compute byte-identical abi preimages.
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Core.Identity
{
    /// <summary>
    /// The normalized syntax of a method: its tokens' text separated by single spaces, without trivia
    /// (whitespace, comments, disabled code) and without the method's own attribute lists (they are metadata
    /// such as [Improve], not behaviour). Any token change changes the result; layout and comments do not.
    /// </summary>
    public static class AbiNormalizer
    {
        /// <summary>Normalized token text of a method declaration.</summary>
        public static string NormalizeMethod(MethodDeclarationSyntax method)
        {
            var builder = new StringBuilder();
            foreach (var token in method.DescendantTokens(descendIntoTrivia: false))
            {
                if (IsInOwnAttributeList(token, method) || token.IsKind(SyntaxKind.EndOfFileToken))
                {
                    continue;
                }
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(token.Text);
            }
            return builder.ToString();
        }

        /// <summary>Normalized token text of C# source holding one method declaration (for candidates' bodies).</summary>
        public static string NormalizeMethodSource(string methodSource)
        {
            var member = SyntaxFactory.ParseMemberDeclaration(methodSource);
            if (member is MethodDeclarationSyntax method)
            {
                return NormalizeMethod(method);
            }
            throw new System.ArgumentException("The source does not parse as one method declaration.", nameof(methodSource));
        }

        private static bool IsInOwnAttributeList(SyntaxToken token, MethodDeclarationSyntax method)
        {
            foreach (var list in method.AttributeLists)
            {
                if (list.FullSpan.Contains(token.SpanStart))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
