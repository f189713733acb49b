namespace ServedApp;

/// <summary>
/// The benchmarks' loops. They live here because the generator intercepts calls of a pin only inside the pin's own
/// project: Kernels.Root and Kernels.Tiny below go through the generated interceptor, their twins are plain calls.
/// </summary>
public static class Loops
{
    public static double RootPinned(double[] values)
    {
        var acc = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            acc += Kernels.Root(values[i]);
        }
        return acc;
    }

    public static double RootDirect(double[] values)
    {
        var acc = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            acc += Kernels.DirectRoot(values[i]);
        }
        return acc;
    }

    public static int TinyPinned(int calls)
    {
        var acc = 0;
        for (var i = 0; i < calls; i++)
        {
            acc += Kernels.Tiny(i);
        }
        return acc;
    }

    public static int TinyDirect(int calls)
    {
        var acc = 0;
        for (var i = 0; i < calls; i++)
        {
            acc += Kernels.DirectTiny(i);
        }
        return acc;
    }
}
