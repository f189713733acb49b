using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Parsing;
using Sigil.Trust.Errors;

namespace Sigil.Trust.Sources;

/// <summary>
/// Finds a pinned method's declaration in a source text by its FunctionID qualname (<c>Outer.Inner.M(int,List&lt;int&gt;)</c>),
/// syntactically as <c>Sigil.Candidates</c> matches pins: containing types and name equal, then the parameter count,
/// then (between overloads) the parameter types with namespaces, spaces and nullable markers dropped.
/// </summary>
internal static partial class MethodFinder
{
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["Object"] = "object", ["Boolean"] = "bool", ["Char"] = "char", ["SByte"] = "sbyte", ["Byte"] = "byte",
        ["Int16"] = "short", ["UInt16"] = "ushort", ["Int32"] = "int", ["UInt32"] = "uint", ["Int64"] = "long",
        ["UInt64"] = "ulong", ["Decimal"] = "decimal", ["Single"] = "float", ["Double"] = "double", ["String"] = "string",
        ["IntPtr"] = "nint", ["UIntPtr"] = "nuint",
    };

    /// <summary>The method's declaration text (attributes through body, without surrounding trivia), or null when absent.</summary>
    /// <exception cref="TrustException">The qualname matches several methods.</exception>
    public static string? FindText(string source, string qualifiedName, string file)
    {
        var root = CSharpSyntaxTree.ParseText(source, EditParser.DefaultParseOptions).GetCompilationUnitRoot();
        return Find(root, qualifiedName, file)?.ToString();
    }

    /// <summary>The declaration, or null when absent.</summary>
    /// <exception cref="TrustException">The qualname matches several methods.</exception>
    public static MethodDeclarationSyntax? Find(CompilationUnitSyntax root, string qualifiedName, string file)
    {
        var open = qualifiedName.IndexOf('(');
        var head = (open < 0 ? qualifiedName : qualifiedName[..open]).Split('.').Select(WithoutTypeArguments).ToArray();
        var parameters = open < 0 ? null : SplitTopLevel(qualifiedName[(open + 1)..qualifiedName.LastIndexOf(')')]).Select(Key).ToList();
        var named = root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Parent is TypeDeclarationSyntax && m.Identifier.ValueText == head[^1]
                && m.Ancestors().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).Reverse().SequenceEqual(head[..^1]))
            .Where(m => parameters is null || m.ParameterList.Parameters.Count == parameters.Count)
            .ToList();
        if (named.Count > 1 && parameters is not null)
        {
            named = named.Where(m => m.ParameterList.Parameters.Select(p => Key(p.Type?.ToString() ?? "__arglist")).SequenceEqual(parameters)).ToList();
        }
        return named.Count <= 1 ? named.SingleOrDefault() : throw new TrustException(TrustErrorCodes.UnsupportedCandidate,
            $"{qualifiedName} matches {named.Count} methods in '{file}'; rename one of the overloads so the pin is unambiguous.");
    }

    /// <summary>A parameter type's matching key: <c>System.Collections.Generic.List&lt;System.Int32&gt;?</c> → <c>List&lt;int&gt;</c>.</summary>
    internal static string Key(string typeText)
    {
        var text = Whitespace().Replace(typeText, "").Replace("global::", "", StringComparison.Ordinal);
        text = Qualifier().Replace(text, "");
        text = Nullable().Replace(text, "$1");
        text = Identifier().Replace(text, m => Keywords.GetValueOrDefault(m.Value, m.Value));
        return text.Replace("?", "", StringComparison.Ordinal);
    }

    private static string WithoutTypeArguments(string name) => name.IndexOf('<') is >= 0 and var lt ? name[..lt] : name;

    private static List<string> SplitTopLevel(string text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<' or '(' or '[':
                    depth++;
                    break;
                case '>' or ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    result.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }
        result.Add(text[start..]);
        return result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:[A-Za-z_][A-Za-z0-9_]*\.)+(?=[A-Za-z_])")]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"\bNullable<([^<>]+)>")]
    private static partial Regex Nullable();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}
