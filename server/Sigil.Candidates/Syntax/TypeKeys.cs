using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Candidates.Syntax;

/// <summary>
/// Syntactic stand-ins for type names, for matching a FunctionID qualname to a declaration without a semantic model:
/// namespaces and <c>global::</c> are dropped, framework names of special types become keywords (<c>System.Int32</c>
/// → <c>int</c>), <c>Nullable&lt;T&gt;</c> becomes <c>T?</c>, no spaces.
/// </summary>
internal static class TypeKeys
{
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["Object"] = "object", ["Void"] = "void", ["Boolean"] = "bool", ["Char"] = "char", ["SByte"] = "sbyte",
        ["Byte"] = "byte", ["Int16"] = "short", ["UInt16"] = "ushort", ["Int32"] = "int", ["UInt32"] = "uint",
        ["Int64"] = "long", ["UInt64"] = "ulong", ["Decimal"] = "decimal", ["Single"] = "float", ["Double"] = "double",
        ["String"] = "string", ["IntPtr"] = "nint", ["UIntPtr"] = "nuint",
    };

    /// <summary>The key of a type as written.</summary>
    public static string Of(TypeSyntax type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    /// <summary>The key of a type written as text (a qualname's parameter type).</summary>
    public static string Of(string typeText) => Of(SyntaxFactory.ParseTypeName(typeText.Trim()));

    /// <summary>A key with every nullable marker removed (FunctionIDs omit nullable reference annotations).</summary>
    public static string WithoutNullable(string key) => key.Replace("?", string.Empty, StringComparison.Ordinal);

    private static void Append(StringBuilder builder, TypeSyntax type)
    {
        switch (type)
        {
            case PredefinedTypeSyntax predefined:
                builder.Append(predefined.Keyword.Text);
                return;
            case IdentifierNameSyntax identifier:
                builder.Append(Keywords.TryGetValue(identifier.Identifier.ValueText, out var keyword) ? keyword : identifier.Identifier.ValueText);
                return;
            case QualifiedNameSyntax qualified:
                Append(builder, qualified.Right);
                return;
            case AliasQualifiedNameSyntax alias:
                Append(builder, alias.Name);
                return;
            case GenericNameSyntax generic when generic.Identifier.ValueText == "Nullable" && generic.TypeArgumentList.Arguments.Count == 1:
                Append(builder, generic.TypeArgumentList.Arguments[0]);
                builder.Append('?');
                return;
            case GenericNameSyntax generic:
                builder.Append(generic.Identifier.ValueText).Append('<');
                for (var i = 0; i < generic.TypeArgumentList.Arguments.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    Append(builder, generic.TypeArgumentList.Arguments[i]);
                }
                builder.Append('>');
                return;
            case ArrayTypeSyntax array:
                Append(builder, array.ElementType);
                foreach (var rank in array.RankSpecifiers)
                {
                    builder.Append('[').Append(',', rank.Rank - 1).Append(']');
                }
                return;
            case NullableTypeSyntax nullable:
                Append(builder, nullable.ElementType);
                builder.Append('?');
                return;
            case PointerTypeSyntax pointer:
                Append(builder, pointer.ElementType);
                builder.Append('*');
                return;
            case TupleTypeSyntax tuple:
                builder.Append('(');
                for (var i = 0; i < tuple.Elements.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    Append(builder, tuple.Elements[i].Type);
                }
                builder.Append(')');
                return;
            case RefTypeSyntax reference:
                builder.Append("ref");
                if (reference.ReadOnlyKeyword.IsKind(SyntaxKind.ReadOnlyKeyword))
                {
                    builder.Append(" readonly");
                }
                builder.Append(' ');
                Append(builder, reference.Type);
                return;
            case ScopedTypeSyntax scoped:
                Append(builder, scoped.Type);
                return;
            default:
                foreach (var token in type.DescendantTokens())
                {
                    builder.Append(token.Text);
                }
                return;
        }
    }
}
