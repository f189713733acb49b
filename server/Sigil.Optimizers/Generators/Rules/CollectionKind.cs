namespace Sigil.Optimizers.Generators.Rules;

/// <summary>The collection types the rewrites know.</summary>
internal enum CollectionKind
{
    /// <summary>Not a collection the rewrites know.</summary>
    Other = 0,

    /// <summary>A one-dimensional array <c>T[]</c>.</summary>
    Array = 1,

    /// <summary><c>List&lt;T&gt;</c> (or <c>System.Collections.Generic.List&lt;T&gt;</c>).</summary>
    List = 2,
}
