using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Generators.Model;

namespace Sigil.Generators.Analysis
{
    /// <summary>Reads the [assembly: Spec(...)] declarations of one file.</summary>
    internal static class SpecReader
    {
        public const string SpecAttributeName = "Sigil.SpecAttribute";

        public static EquatableArray<SpecModel> Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var specs = new List<SpecModel>();
            foreach (var attribute in context.Attributes)
            {
                var reference = attribute.ApplicationSyntaxReference;
                if (reference is null || reference.SyntaxTree != context.TargetNode.SyntaxTree)
                {
                    continue;
                }
                var syntax = reference.GetSyntax(cancellationToken) as AttributeSyntax;
                var name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
                var description = string.Empty;
                var storeRaw = false;
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Description")
                    {
                        description = named.Value.Value as string ?? string.Empty;
                    }
                    else if (named.Key == "StoreRawInputs" && named.Value.Value is bool raw)
                    {
                        storeRaw = raw;
                    }
                }
                var nameArgument = syntax?.ArgumentList is { Arguments.Count: > 0 } list && list.Arguments[0].NameEquals is null
                    ? list.Arguments[0].GetLocation()
                    : syntax?.GetLocation();
                specs.Add(new SpecModel(name, description, storeRaw, nameArgument));
            }
            return specs.ToEquatableArray();
        }

        /// <summary>Null when the name is valid, else why not.</summary>
        public static string? NameProblem(string name)
        {
            if (name.Length == 0)
            {
                return "the name is empty; use ASCII letters, digits, '-', '_' or '.'";
            }
            var onlyDots = true;
            foreach (var c in name)
            {
                var allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                if (!allowed)
                {
                    return "the name contains '" + c + "'; use only ASCII letters, digits, '-', '_' or '.'";
                }
                onlyDots &= c == '.';
            }
            return onlyDots ? "the name is only dots; use ASCII letters, digits, '-', '_' or '.' with at least one letter or digit (it names a directory under .sigil/)" : null;
        }
    }
}
