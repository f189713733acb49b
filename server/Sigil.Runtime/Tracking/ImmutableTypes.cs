namespace Sigil.Runtime.Tracking;

/// <summary>Types whose values cannot change after a call, so their sketch can be taken later, off the hot path.</summary>
internal static class ImmutableTypes
{
    public static bool IsImmutable(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return IsImmutable(underlying);
        }
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
            || type == typeof(Guid) || type == typeof(Half) || type == typeof(Int128) || type == typeof(UInt128)
            || type == typeof(ValueTuple);
    }
}
