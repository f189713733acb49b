using System.Reflection;
using Sigil.Evaluation.Sandbox.Protocol;

namespace Sigil.Worker.Loading;

/// <summary>
/// The eval function resolved in the baseline: the pin's parameters followed by the pin's (awaited) result, returning a
/// number or bool (true = 1); higher is better. Always the baseline's, so a candidate cannot change its own judge.
/// </summary>
internal sealed class EvalBinding
{
    private readonly MethodInfo _method;
    private readonly object? _instance;
    private readonly MethodInvoker _invoker;

    private EvalBinding(MethodInfo method, object? instance)
    {
        _method = method;
        _instance = instance;
        _invoker = MethodInvoker.Create(method);
        ParameterTypes = [.. method.GetParameters().Select(p => p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType)];
    }

    /// <summary>The eval's parameter types.</summary>
    public Type[] ParameterTypes { get; }

    /// <summary>Resolves <paramref name="target"/> for <paramref name="pin"/>.</summary>
    /// <exception cref="LoadFailedException">No method of that name takes the pin's parameters (and result) and returns a number or bool.</exception>
    public static EvalBinding Resolve(Assembly assembly, MethodTarget target, PinBinding pin)
    {
        var type = Members.Type(assembly, target.TypeName);
        var arity = pin.ParameterTypes.Length + (pin.ReturnsValue ? 1 : 0);
        var named = Members.Named(type, target.MethodName);
        var matching = named.Where(m => m.GetParameters().Length == arity && IsScore(m.ReturnType) && !m.ContainsGenericParameters).ToArray();
        var expected = string.Join(", ", pin.ParameterTypes.Select(t => TypeDisplay.CSharp(t))
            .Concat(pin.ResultType is { } result ? [TypeDisplay.CSharp(result)] : []));
        if (matching.Length != 1)
        {
            var problem = matching.Length == 0 ? "is not" : "is ambiguous";
            throw new LoadFailedException(
                $"The eval {target.TypeName}.{target.MethodName}({expected}) returning double or bool {problem} in {assembly.GetName().Name}"
                + (named.Length > 0 ? $" (found: {string.Join("; ", named.Select(Members.Describe))})." : "."));
        }

        var method = matching[0];
        var instance = method.IsStatic ? null : Members.NewInstance(type, "the eval " + target.MethodName);
        return new EvalBinding(method, instance);
    }

    /// <summary>The score of one call: the eval's result as a double (bool: 1 or 0).</summary>
    /// <exception cref="Exception">Whatever the eval throws (unwrapped).</exception>
    public double Score(object?[] arguments)
    {
        object? value;
        try
        {
            value = _invoker.Invoke(_instance, arguments.AsSpan());
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }

        return value switch
        {
            bool b => b ? 1 : 0,
            _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary><c>Type.Method(param types)</c>.</summary>
    public override string ToString() => Members.Describe(_method);

    private static bool IsScore(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(decimal);
}
