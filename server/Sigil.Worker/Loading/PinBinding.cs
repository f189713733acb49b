using System.Reflection;
using Sigil.Evaluation.Sandbox.Protocol;

namespace Sigil.Worker.Loading;

/// <summary>The pinned method resolved in one loaded image, ready to call: method, instance, invoker and completion.</summary>
internal sealed class PinBinding
{
    private readonly MethodInvoker _invoker;
    private readonly Func<object?, object?> _complete;

    private PinBinding(MethodInfo method, object? instance)
    {
        Method = method;
        Instance = instance;
        ParameterTypes = [.. method.GetParameters().Select(p => p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType)];
        (ResultType, _complete) = Awaiting.For(method.ReturnType);
        _invoker = MethodInvoker.Create(method);
    }

    /// <summary>The method.</summary>
    public MethodInfo Method { get; }

    /// <summary>The instance it is called on; null for a static method.</summary>
    public object? Instance { get; }

    /// <summary>The parameter types (by-ref parameters by their element type), in order.</summary>
    public Type[] ParameterTypes { get; }

    /// <summary>The (awaited) result type; null when the pin returns nothing (void, Task, ValueTask).</summary>
    public Type? ResultType { get; }

    /// <summary>Whether the pin returns a value.</summary>
    public bool ReturnsValue => ResultType is not null;

    /// <summary>Resolves <paramref name="target"/> in <paramref name="assembly"/>.</summary>
    /// <exception cref="LoadFailedException">No single method matches, it is generic, or no instance can be made.</exception>
    public static PinBinding Resolve(Assembly assembly, PinTarget target)
    {
        var type = Members.Type(assembly, target.TypeName);
        if (type.ContainsGenericParameters) throw new LoadFailedException($"'{target.TypeName}' is a generic type definition: pins of generic types cannot be called.");
        var named = Members.Named(type, target.MethodName);
        var candidates = named.Where(m => m.IsStatic == target.IsStatic).ToArray();
        if (target.ParameterTypes is { } parameters)
        {
            candidates = [.. candidates.Where(m => m.GetParameters() is var ps && ps.Length == parameters.Count
                && ps.Select((p, i) => TypeDisplay.Matches(p.ParameterType, parameters[i])).All(match => match))];
        }

        var wanted = $"{(target.IsStatic ? "static" : "instance")} method {target.TypeName}.{target.MethodName}"
            + (target.ParameterTypes is { } ps2 ? "(" + string.Join(", ", ps2) + ")" : "");
        if (candidates.Length == 0)
        {
            var found = named.Length == 0 ? "none of that name" : string.Join("; ", named.Select(m => (m.IsStatic ? "static " : "instance ") + Members.Describe(m)));
            throw new LoadFailedException($"The {wanted} is not in {assembly.GetName().Name} (found: {found}).");
        }

        if (candidates.Length > 1) throw new LoadFailedException($"The {wanted} is ambiguous: give its parameter types.");
        var method = candidates[0];
        if (method.ContainsGenericParameters) throw new LoadFailedException($"The {wanted} is generic: generic pins cannot be called with samples.");
        if (method.ReturnType.IsByRefLike || method.ReturnType.IsByRef || method.GetParameters().Any(p => p.ParameterType.IsByRefLike || p.ParameterType.GetElementType()?.IsByRefLike == true))
            throw new LoadFailedException($"The {wanted} takes or returns a span or a ref: the sandbox calls pins through reflection with JSON samples and cannot pass those.");
        var instance = method.IsStatic ? null : Members.NewInstance(type, "the pin " + target.MethodName);
        return new PinBinding(method, instance);
    }

    /// <summary>
    /// Calls the pin and completes its result (awaits a Task/ValueTask). Exceptions propagate unwrapped (as thrown by
    /// the method). By-ref arguments are written back into <paramref name="arguments"/>.
    /// </summary>
    public object? Invoke(object?[] arguments)
    {
        try
        {
            return _complete(_invoker.Invoke(Instance, arguments.AsSpan()));
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    /// <summary><c>Type.Method(param types)</c>.</summary>
    public override string ToString() => Members.Describe(Method);
}
