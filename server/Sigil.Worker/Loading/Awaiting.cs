namespace Sigil.Worker.Loading;

/// <summary>
/// How a pin's return value is completed inside the timed region: Task/ValueTask results are awaited synchronously
/// (<c>GetAwaiter().GetResult()</c>), so an async pin is timed until its result is there.
/// </summary>
internal static class Awaiting
{
    /// <summary>The awaited result type (null when nothing is returned) and the completion to apply to the raw return value.</summary>
    public static (Type? ResultType, Func<object?, object?> Complete) For(Type returnType)
    {
        if (returnType == typeof(void)) return (null, Identity);
        if (returnType == typeof(Task)) return (null, CompleteTask);
        if (returnType == typeof(ValueTask)) return (null, CompleteValueTask);
        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            var name = definition == typeof(Task<>) ? nameof(AwaitTask) : definition == typeof(ValueTask<>) ? nameof(AwaitValueTask) : null;
            if (name is not null)
            {
                var result = returnType.GetGenericArguments()[0];
                var helper = typeof(Awaiting).GetMethod(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(result);
                return (result, helper.CreateDelegate<Func<object?, object?>>());
            }
        }

        return (returnType, Identity);
    }

    private static object? Identity(object? value) => value;

    private static object? CompleteTask(object? task)
    {
        ((Task)task!).GetAwaiter().GetResult();
        return null;
    }

    private static object? CompleteValueTask(object? task)
    {
        ((ValueTask)task!).GetAwaiter().GetResult();
        return null;
    }

    private static object? AwaitTask<T>(object? task) => ((Task<T>)task!).GetAwaiter().GetResult();

    private static object? AwaitValueTask<T>(object? task) => ((ValueTask<T>)task!).GetAwaiter().GetResult();
}
