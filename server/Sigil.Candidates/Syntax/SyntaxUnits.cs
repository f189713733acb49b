using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Applying;
using Sigil.Core.Identity;

namespace Sigil.Candidates.Syntax;

/// <summary>
/// Splits a file's tokens into units that together cover every token exactly once: each member of a type (its own
/// attribute lists apart, as <see cref="AbiNormalizer"/> does), each member's attribute lists, each type's shell (its
/// header and braces, with a placeholder per member so member order counts), the file's using directives, and the rest
/// of the file (namespaces, top-level statements, with placeholders for types). Trivia is never part of a
/// unit, so two files with the same units differ only in whitespace, comments or disabled code.
/// </summary>
internal sealed class SyntaxUnits
{
    /// <summary>Suffix of a member's attribute-list unit.</summary>
    public const string AttributesSuffix = " [attributes]";

    /// <summary>Suffix of a type's shell unit.</summary>
    public const string TypeSuffix = " [type]";

    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly List<SyntaxUnit> _units = [];
    private readonly string _path;

    private SyntaxUnits(string path)
    {
        _path = path;
    }

    /// <summary>The units of a file, in document order of their first token.</summary>
    public static IReadOnlyList<SyntaxUnit> Of(CompilationUnitSyntax root, string path)
    {
        var units = new SyntaxUnits(path);
        units.AddFile(root);
        return units._units;
    }

    /// <summary>Key of a file's using-directives unit.</summary>
    public static string UsingsKey(string path) => path + " [usings]";

    /// <summary>Key of the rest of a file.</summary>
    public static string FileKey(string path) => path + " [file]";

    /// <summary>Token text of <paramref name="node"/> separated by single spaces, without trivia.</summary>
    public static string Normalize(SyntaxNode node) => NormalizeExcept(node, []);

    private void AddFile(CompilationUnitSyntax root)
    {
        var excluded = new List<(SyntaxNode Node, string? Placeholder)>();
        var usings = new List<(SyntaxNode Node, string Text)>();
        CollectFileLevel(root, excluded, usings);
        if (usings.Count > 0)
        {
            var text = string.Join(" ", usings.Select(u => u.Text));
            _units.Add(new SyntaxUnit(UsingsKey(_path), ChangedPart.Usings, text, usings[0].Node, []));
        }
        _units.Insert(0, new SyntaxUnit(FileKey(_path), ChangedPart.File, NormalizeExcept(root, excluded), root, []));
    }

    /// <summary>
    /// Collects the types and delegates declared at file level (they become placeholders) and the using directives (left
    /// out of the file unit entirely; the usings unit says which namespace block each one is in, so adding a using
    /// changes only the usings unit).
    /// </summary>
    private void CollectFileLevel(SyntaxNode container, List<(SyntaxNode Node, string? Placeholder)> excluded, List<(SyntaxNode Node, string Text)> usings)
    {
        var where = container is BaseNamespaceDeclarationSyntax ns ? "⟪in " + Normalize(ns.Name) + "⟫ " : string.Empty;
        foreach (var child in container.ChildNodes())
        {
            switch (child)
            {
                case UsingDirectiveSyntax or ExternAliasDirectiveSyntax:
                    usings.Add((child, where + Normalize(child)));
                    excluded.Add((child, null));
                    break;
                case BaseNamespaceDeclarationSyntax:
                    CollectFileLevel(child, excluded, usings);
                    break;
                case BaseTypeDeclarationSyntax type:
                    excluded.Add((child, Placeholder(AddType(type, []))));
                    break;
                case DelegateDeclarationSyntax @delegate:
                    excluded.Add((child, Placeholder(AddMember(@delegate, []))));
                    break;
            }
        }
    }

    private string AddType(BaseTypeDeclarationSyntax type, ImmutableArray<string> enclosing)
    {
        var chain = enclosing.IsEmpty ? type.Identifier.ValueText : ChainOf(enclosing[^1]) + "." + type.Identifier.ValueText;
        var key = Unique(chain + TypeSuffix);
        var index = _units.Count;
        _units.Add(null!);
        var inner = enclosing.Add(key);
        var excluded = new List<(SyntaxNode Node, string? Placeholder)>();
        if (type is TypeDeclarationSyntax withMembers)
        {
            foreach (var member in withMembers.Members)
            {
                var memberKey = member is BaseTypeDeclarationSyntax nested ? AddType(nested, inner) : AddMember(member, inner);
                excluded.Add((member, Placeholder(memberKey)));
            }
        }
        _units[index] = new SyntaxUnit(key, ChangedPart.Type, NormalizeExcept(type, excluded), type, enclosing);
        return key;
    }

    private string AddMember(MemberDeclarationSyntax member, ImmutableArray<string> enclosing)
    {
        var name = MemberNames.Of(member);
        var key = Unique(enclosing.IsEmpty ? name : ChainOf(enclosing[^1]) + "." + name);
        var normalized = member is MethodDeclarationSyntax method
            ? AbiNormalizer.NormalizeMethod(method)
            : NormalizeExcept(member, member.AttributeLists.Select(list => ((SyntaxNode)list, (string?)null)).ToList());
        _units.Add(new SyntaxUnit(key, ChangedPart.Member, normalized, member, enclosing));
        if (member.AttributeLists.Count > 0)
        {
            var attributes = string.Join(" ", member.AttributeLists.Select(Normalize));
            _units.Add(new SyntaxUnit(key + AttributesSuffix, ChangedPart.Attributes, attributes, member, enclosing));
        }
        return key;
    }

    /// <summary>The type chain of a type unit key (<c>Outer.Inner [type]#2</c> → <c>Outer.Inner#2</c>).</summary>
    private static string ChainOf(string typeKey)
    {
        var at = typeKey.IndexOf(TypeSuffix, StringComparison.Ordinal);
        return typeKey[..at] + typeKey[(at + TypeSuffix.Length)..];
    }

    private string Unique(string key)
    {
        var count = _seen.TryGetValue(key, out var seen) ? seen + 1 : 1;
        _seen[key] = count;
        return count == 1 ? key : key + "#" + count;
    }

    private static string Placeholder(string key) => "⟪" + key + "⟫";

    private static string NormalizeExcept(SyntaxNode node, IReadOnlyList<(SyntaxNode Node, string? Placeholder)> excluded)
    {
        var ordered = excluded.OrderBy(e => e.Node.SpanStart).ToList();
        var builder = new StringBuilder();
        var next = 0;
        var emitted = -1;
        foreach (var token in node.DescendantTokens(descendIntoTrivia: false))
        {
            if (token.IsKind(SyntaxKind.EndOfFileToken))
            {
                continue;
            }
            while (next < ordered.Count && ordered[next].Node.Span.End <= token.SpanStart)
            {
                next++;
            }
            string? text;
            if (next < ordered.Count && ordered[next].Node.Span.Contains(token.SpanStart))
            {
                if (emitted == next)
                {
                    continue;
                }
                emitted = next;
                text = ordered[next].Placeholder;
            }
            else
            {
                text = token.Text;
            }
            if (text is null)
            {
                continue;
            }
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(text);
        }
        return builder.ToString();
    }
}
