using System.Text;

namespace Sigil.Worker.Loading;

/// <summary>
/// Type names as the Sigil generator writes a pin's parameter types (C# keywords, namespace-qualified otherwise, nested
/// types joined with '.', generics as <c>List&lt;int&gt;</c>, <c>T?</c> for Nullable, tuples as <c>(T1,T2)</c>, no spaces),
/// so a pin can be resolved from its descriptor; reflection names are accepted as well.
/// </summary>
internal static class TypeDisplay
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(object)] = "object", [typeof(void)] = "void", [typeof(bool)] = "bool", [typeof(char)] = "char",
        [typeof(sbyte)] = "sbyte", [typeof(byte)] = "byte", [typeof(short)] = "short", [typeof(ushort)] = "ushort",
        [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(decimal)] = "decimal", [typeof(float)] = "float", [typeof(double)] = "double", [typeof(string)] = "string",
    };

    /// <summary>Whether <paramref name="name"/> names <paramref name="type"/> (by-ref types by their element type).</summary>
    public static bool Matches(Type type, string name)
    {
        var plain = type.IsByRef ? type.GetElementType()! : type;
        var trimmed = name.Trim();
        foreach (var modifier in (string[])["ref ", "out ", "in ", "scoped ", "params "])
        {
            if (trimmed.StartsWith(modifier, StringComparison.Ordinal)) trimmed = trimmed[modifier.Length..];
        }

        trimmed = trimmed.Replace(" ", "", StringComparison.Ordinal).Replace("global::", "", StringComparison.Ordinal);
        return trimmed == CSharp(plain) || trimmed == CSharp(plain, qualified: false) || trimmed == plain.FullName || trimmed == plain.ToString()
            || trimmed == plain.Name;
    }

    /// <summary>The generator's display of <paramref name="type"/>.</summary>
    public static string CSharp(Type type, bool qualified = true)
    {
        var builder = new StringBuilder();
        Append(builder, type, qualified);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Type type, bool qualified)
    {
        if (type.IsByRef || type.IsPointer)
        {
            Append(builder, type.GetElementType()!, qualified);
            if (type.IsPointer) builder.Append('*');
            return;
        }

        if (type.IsArray)
        {
            Append(builder, type.GetElementType()!, qualified);
            builder.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }

        if (type.IsGenericParameter)
        {
            builder.Append(type.Name);
            return;
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            builder.Append(keyword);
            return;
        }

        if (type.IsGenericType && Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Append(builder, underlying, qualified);
            builder.Append('?');
            return;
        }

        if (type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
        {
            builder.Append('(');
            var elements = type.GetGenericArguments();
            for (var i = 0; i < elements.Length; i++)
            {
                if (i > 0) builder.Append(',');
                Append(builder, elements[i], qualified);
            }

            builder.Append(')');
            return;
        }

        var arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        AppendNamed(builder, type, arguments, qualified);
    }

    /// <summary>Outer.Inner&lt;args&gt;, with each level taking its own share of the generic arguments.</summary>
    private static void AppendNamed(StringBuilder builder, Type type, Type[] arguments, bool qualified)
    {
        var ownStart = 0;
        if (type.DeclaringType is { } declaring)
        {
            ownStart = declaring.IsGenericType ? declaring.GetGenericArguments().Length : 0;
            AppendNamed(builder, declaring, arguments[..Math.Min(ownStart, arguments.Length)], qualified);
            builder.Append('.');
        }
        else if (qualified && !string.IsNullOrEmpty(type.Namespace))
        {
            builder.Append(type.Namespace).Append('.');
        }

        var name = type.Name;
        var tick = name.IndexOf('`');
        builder.Append(tick < 0 ? name : name[..tick]);
        var own = arguments.Length > ownStart ? arguments[ownStart..] : [];
        if (own.Length == 0 || tick < 0) return;
        builder.Append('<');
        for (var i = 0; i < own.Length; i++)
        {
            if (i > 0) builder.Append(',');
            Append(builder, own[i], qualified);
        }

        builder.Append('>');
    }
}
