using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Sigil.Runtime.Tracking;

/// <summary>
/// Encodes the elements of an argument tuple (ValueTuple, nested through Rest for 8+ parameters) with
/// <see cref="ValueSketcher.Encode{T}"/>, compiled once per tuple type so no element is boxed.
/// </summary>
internal static class TupleEncoder<TArgs> where TArgs : struct, ITuple
{
    public static readonly Type[] ElementTypes = Flatten(typeof(TArgs)).ToArray();

    /// <summary>True when some element is a mutable type: its sketch must be taken before the call mutates it.</summary>
    public static readonly bool HasMutableElements = ElementTypes.Any(t => !ImmutableTypes.IsImmutable(t));

    private static readonly Action<FrameWriter, TArgs, bool[], bool> s_encode = Build();

    public static void Encode(FrameWriter writer, in TArgs args, bool[] sensitive, bool raw) => s_encode(writer, args, sensitive, raw);

    private static IEnumerable<Type> Flatten(Type tuple)
    {
        if (!tuple.IsGenericType)
        {
            yield break;
        }
        var arguments = tuple.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i == 7)
            {
                foreach (var nested in Flatten(arguments[i]))
                {
                    yield return nested;
                }
                yield break;
            }
            yield return arguments[i];
        }
    }

    private static Action<FrameWriter, TArgs, bool[], bool> Build()
    {
        var writer = Expression.Parameter(typeof(FrameWriter), "writer");
        var args = Expression.Parameter(typeof(TArgs), "args");
        var sensitive = Expression.Parameter(typeof(bool[]), "sensitive");
        var raw = Expression.Parameter(typeof(bool), "raw");
        var calls = new List<Expression>();
        var encode = typeof(ValueSketcher).GetMethod(nameof(ValueSketcher.Encode))!;
        var index = 0;
        void Visit(Expression tuple)
        {
            if (!tuple.Type.IsGenericType)
            {
                return;
            }
            var arguments = tuple.Type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i == 7)
                {
                    Visit(Expression.Field(tuple, "Rest"));
                    return;
                }
                var item = Expression.Field(tuple, "Item" + (i + 1));
                var isSensitive = Expression.ArrayIndex(sensitive, Expression.Constant(index++));
                calls.Add(Expression.Call(encode.MakeGenericMethod(arguments[i]), writer, item, isSensitive, raw));
            }
        }
        Visit(args);
        Expression body = calls.Count == 0 ? Expression.Empty() : Expression.Block(calls);
        return Expression.Lambda<Action<FrameWriter, TArgs, bool[], bool>>(body, writer, args, sensitive, raw).Compile();
    }
}
