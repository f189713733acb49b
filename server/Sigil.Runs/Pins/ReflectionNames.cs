using Microsoft.CodeAnalysis;

namespace Sigil.Runs.Pins;

/// <summary>Names of Roslyn symbols as .NET reflection writes them (<c>Type.ToString()</c>, <c>Type.FullName</c>).</summary>
internal static class ReflectionNames
{
    /// <summary>A type as <c>Type.ToString()</c> writes it: <c>System.Int32[]</c>, <c>Ns.Outer+Inner</c>, <c>System.Collections.Generic.List`1[System.Int32]</c>.</summary>
    public static string Of(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Of(array.ElementType) + (array.Rank == 1 ? "[]" : "[" + new string(',', array.Rank - 1) + "]"),
        IPointerTypeSymbol pointer => Of(pointer.PointedAtType) + "*",
        INamedTypeSymbol { IsGenericType: true } named when !named.IsUnboundGenericType =>
            TypeName(named.ConstructedFrom) + "[" + string.Join(",", AllTypeArguments(named).Select(Of)) + "]",
        INamedTypeSymbol named => TypeName(named),
        _ => type.Name,
    };

    /// <summary>A named type's full metadata name: namespace, then containing types joined with <c>+</c>, with arity suffixes.</summary>
    public static string TypeName(INamedTypeSymbol type)
    {
        var names = new Stack<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            names.Push(current.MetadataName);
        }
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        return ns + string.Join("+", names);
    }

    private static IEnumerable<ITypeSymbol> AllTypeArguments(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            chain.Push(current);
        }
        return chain.SelectMany(t => t.TypeArguments);
    }
}
