using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sigil.Generators.Identity
{
    /// <summary>How types are written: as C# code in generated files, and as the stable display of FunctionIDs.</summary>
    internal static class TypeNames
    {
        private static readonly SymbolDisplayFormat CodeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Fully qualified C# (global::...), with nullable annotations, for generated code.</summary>
        public static string Code(ITypeSymbol type) => type.ToDisplayString(CodeFormat);

        /// <summary>
        /// The FunctionID display: C# keywords for special types, otherwise namespace-qualified without global::,
        /// tuples as (T1,T2), no spaces, no nullable reference annotations (e.g. System.Collections.Generic.List&lt;int&gt;).
        /// </summary>
        public static string Display(ITypeSymbol type)
        {
            var builder = new StringBuilder();
            AppendDisplay(builder, type);
            return builder.ToString();
        }

        /// <summary>Containing types and the type itself joined by '.', e.g. Outer.Inner (no namespace).</summary>
        public static string NestedName(INamedTypeSymbol type) =>
            type.ContainingType is null ? type.Name : NestedName(type.ContainingType) + "." + type.Name;

        /// <summary>Assembly-qualified metadata name, e.g. Ns.Outer+Inner, MyApp (for [UnsafeAccessorType]).</summary>
        public static string MetadataName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
            {
                name = containing.MetadataName + "+" + name;
            }
            var ns = type.ContainingNamespace;
            if (ns is not null && !ns.IsGlobalNamespace)
            {
                name = ns.ToDisplayString() + "." + name;
            }
            return type.ContainingAssembly is null ? name : name + ", " + type.ContainingAssembly.Name;
        }

        /// <summary>A member name as a C# identifier (keywords escaped with '@').</summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        private static void AppendDisplay(StringBuilder builder, ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    AppendDisplay(builder, array.ElementType);
                    builder.Append('[').Append(',', array.Rank - 1).Append(']');
                    return;
                case IPointerTypeSymbol pointer:
                    AppendDisplay(builder, pointer.PointedAtType);
                    builder.Append('*');
                    return;
                case ITypeParameterSymbol parameter:
                    builder.Append(parameter.Name);
                    return;
                case IDynamicTypeSymbol:
                    builder.Append("dynamic");
                    return;
                case INamedTypeSymbol named:
                    AppendNamed(builder, named);
                    return;
                default:
                    builder.Append(type.ToDisplayString().Replace(" ", string.Empty));
                    return;
            }
        }

        private static void AppendNamed(StringBuilder builder, INamedTypeSymbol named)
        {
            var keyword = Keyword(named.SpecialType);
            if (keyword is not null)
            {
                builder.Append(keyword);
                return;
            }
            if (named.IsTupleType)
            {
                builder.Append('(');
                var first = true;
                foreach (var element in named.TupleElements)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    AppendDisplay(builder, element.Type);
                }
                builder.Append(')');
                return;
            }
            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                AppendDisplay(builder, named.TypeArguments[0]);
                builder.Append('?');
                return;
            }
            if (named.ContainingType is not null)
            {
                AppendNamed(builder, named.ContainingType);
                builder.Append('.');
            }
            else if (named.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                builder.Append(ns.ToDisplayString()).Append('.');
            }
            builder.Append(named.Name);
            if (named.TypeArguments.Length > 0)
            {
                builder.Append('<');
                for (var i = 0; i < named.TypeArguments.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    AppendDisplay(builder, named.TypeArguments[i]);
                }
                builder.Append('>');
            }
        }

        private static string? Keyword(SpecialType specialType) => specialType switch
        {
            SpecialType.System_Object => "object",
            SpecialType.System_Void => "void",
            SpecialType.System_Boolean => "bool",
            SpecialType.System_Char => "char",
            SpecialType.System_SByte => "sbyte",
            SpecialType.System_Byte => "byte",
            SpecialType.System_Int16 => "short",
            SpecialType.System_UInt16 => "ushort",
            SpecialType.System_Int32 => "int",
            SpecialType.System_UInt32 => "uint",
            SpecialType.System_Int64 => "long",
            SpecialType.System_UInt64 => "ulong",
            SpecialType.System_Decimal => "decimal",
            SpecialType.System_Single => "float",
            SpecialType.System_Double => "double",
            SpecialType.System_String => "string",
            _ => null,
        };

        /// <summary>Parameter types of a method as the eval's expected signature shows them, e.g. "int x, int result".</summary>
        public static string ParameterList(IMethodSymbol pin, ITypeSymbol? result) =>
            string.Join(", ", pin.Parameters.Select(p => Display(p.Type) + " " + p.Name)
                .Concat(result is null ? Enumerable.Empty<string>() : new[] { Display(result) + " result" }));
    }
}
