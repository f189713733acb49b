namespace Sigil.Worker.Running;

/// <summary>
/// Deserialized arguments of framework value-like types (primitives, enums of the framework, strings, decimals, dates,
/// GUIDs and one-dimensional arrays of those), kept per sample and parameter so that a call's fresh copy is a clone
/// (arrays) or the value itself (immutable) rather than a new JSON parse: a parse costs microseconds, which at 60,000
/// calls per evaluation dwarfs the calls being timed. Anything else (app types, collections, nested arrays) is parsed
/// anew per call, as before. The type is part of the key: a candidate's own types never meet the baseline's values.
/// </summary>
internal sealed class ArgumentCache
{
    private readonly Dictionary<(int Sample, int Parameter), (Type Type, object? Value)> _values = [];

    /// <summary>True when values of <paramref name="type"/> can be cached and copied cheaply.</summary>
    public static bool Cacheable(Type type) =>
        Immutable(type) || (type.IsSZArray && type.GetElementType() is { } element && Immutable(element));

    /// <summary>A fresh copy of the cached argument, or false when none is cached for that type.</summary>
    public bool TryGet(int sample, int parameter, Type type, out object? value)
    {
        if (_values.TryGetValue((sample, parameter), out var cached) && cached.Type == type)
        {
            value = cached.Value is Array array ? array.Clone() : cached.Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> (just deserialized, never handed to a call) and returns a copy to hand out.</summary>
    public object? Add(int sample, int parameter, Type type, object? value)
    {
        _values[(sample, parameter)] = (type, value);
        return value is Array array ? array.Clone() : value;
    }

    private static bool Immutable(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.Assembly != typeof(object).Assembly) return false; // app types may be mutable or per context
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(TimeSpan)
            || underlying == typeof(Guid) || underlying == typeof(DateOnly) || underlying == typeof(TimeOnly);
    }
}
