using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>Recognizes array and <c>List&lt;T&gt;</c> types in syntax.</summary>
internal static class Collections
{
    /// <summary>The kind of <paramref name="type"/> (nullable annotations ignored).</summary>
    public static CollectionKind KindOf(TypeSyntax? type) => Unwrap(type) switch
    {
        ArrayTypeSyntax { RankSpecifiers: [{ Rank: 1 }] } => CollectionKind.Array,
        GenericNameSyntax { Identifier.ValueText: "List", TypeArgumentList.Arguments.Count: 1 } => CollectionKind.List,
        QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "List", TypeArgumentList.Arguments.Count: 1 } } q
            when q.Left.ToString() is "System.Collections.Generic" or "global::System.Collections.Generic" => CollectionKind.List,
        _ => CollectionKind.Other,
    };

    /// <summary>The element type of an array or list type; <c>null</c> for other types.</summary>
    public static TypeSyntax? Element(TypeSyntax? type) => Unwrap(type) switch
    {
        ArrayTypeSyntax { RankSpecifiers: [{ Rank: 1 }] } array => array.ElementType,
        GenericNameSyntax { Identifier.ValueText: "List", TypeArgumentList.Arguments: [var argument] } => argument,
        QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "List", TypeArgumentList.Arguments: [var argument] } } q
            when q.Left.ToString() is "System.Collections.Generic" or "global::System.Collections.Generic" => argument,
        _ => null,
    };

    /// <summary>The property holding the element count: <c>Length</c> for arrays, <c>Count</c> for lists.</summary>
    public static string? CountProperty(CollectionKind kind) => kind switch
    {
        CollectionKind.Array => "Length",
        CollectionKind.List => "Count",
        _ => null,
    };

    private static TypeSyntax? Unwrap(TypeSyntax? type) => type is NullableTypeSyntax nullable ? nullable.ElementType : type;
}
