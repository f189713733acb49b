using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Core.Identity;
using Sigil.Generators.Hashing;
using Sigil.Generators.Model;

namespace Sigil.Generators.Identity
{
    /// <summary>
    /// Computes FunctionIDs at compile time: sigil://&lt;package&gt;@&lt;git-commit&gt;/&lt;module&gt;:&lt;qualname&gt;#&lt;abi-hash&gt;,
    /// the abi-hash being BLAKE3 over <see cref="AbiPreimage"/> exactly as Sigil.Core computes it.
    /// </summary>
    internal static class FunctionIdBuilder
    {
        public const string NoCommit = "0000000000000000000000000000000000000000";

        /// <summary>The per-pin parts of the id.</summary>
        public static IdentityParts Parts(IMethodSymbol method, MethodDeclarationSyntax declaration)
        {
            var ns = method.ContainingType.ContainingNamespace;
            var module = ns is null || ns.IsGlobalNamespace ? "global" : ns.ToDisplayString();
            var qualifiedName = TypeNames.NestedName(method.ContainingType) + "." + method.Name
                + "(" + string.Join(",", method.Parameters.Select(p => TypeNames.Display(p.Type))) + ")";
            var languageVersion = ((CSharpParseOptions)declaration.SyntaxTree.Options).LanguageVersion.ToDisplayString();
            return new IdentityParts(module, qualifiedName, AbiNormalizer.NormalizeMethod(declaration), languageVersion);
        }

        /// <summary>The AbiPreimage text of a pin.</summary>
        public static string Preimage(IdentityParts parts, BuildProperties build, CompilationInfo compilation) =>
            AbiPreimage.Build(parts.NormalizedMethod, parts.LanguageVersion, build.TargetFramework, build.FrameworkMoniker, compilation.References);

        /// <summary>The full FunctionID of a pin.</summary>
        public static string Build(IdentityParts parts, BuildProperties build, CompilationInfo compilation)
        {
            var abiHash = Blake3Managed.HashHex(Preimage(parts, build, compilation));
            return "sigil://" + compilation.Package + "@" + build.GitCommit + "/" + parts.Module + ":" + parts.QualifiedName + "#" + abiHash;
        }

        /// <summary>The commit when it is 40 or 64 lowercase hex characters, else 40 zeros.</summary>
        public static string ValidCommit(string? commit)
        {
            if (commit is null || (commit.Length != 40 && commit.Length != 64))
            {
                return NoCommit;
            }
            foreach (var c in commit)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return NoCommit;
                }
            }
            return commit;
        }

        /// <summary>
        /// The package part: the assembly name, with characters a FunctionID does not allow (anything but letters,
        /// digits, '.', '_', '-') replaced by '_'.
        /// </summary>
        public static string Package(string? assemblyName)
        {
            if (string.IsNullOrEmpty(assemblyName))
            {
                return "unknown";
            }
            var builder = new StringBuilder(assemblyName!.Length);
            for (var i = 0; i < assemblyName.Length; i++)
            {
                var c = assemblyName[i];
                var allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || (i > 0 && (c == '.' || c == '-'));
                builder.Append(allowed ? c : '_');
            }
            return builder.ToString();
        }
    }
}
