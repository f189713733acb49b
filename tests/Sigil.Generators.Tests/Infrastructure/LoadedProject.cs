using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Sigil.Generators.Tests.Infrastructure;

/// <summary>
/// A generated-and-emitted test project loaded into a collectible AssemblyLoadContext. Sigil.Runtime (and the BCL)
/// resolve from the default context, so the test sees the same PinRegistry and PinTracker types the app uses.
/// </summary>
internal sealed class LoadedProject : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedProject(AssemblyLoadContext context, Assembly assembly, GeneratorRun run)
    {
        _context = context;
        Assembly = assembly;
        Run = run;
    }

    public Assembly Assembly { get; }

    public GeneratorRun Run { get; }

    /// <summary>Generates, compiles (cleanly), emits and loads; nothing in the assembly runs yet.</summary>
    public static LoadedProject Load(IEnumerable<(string Path, string Source)> files, string projectDirectory, OutputKind kind = OutputKind.DynamicallyLinkedLibrary, params string[] allowedIds)
    {
        var run = GeneratorHarness.Run(files, GeneratorHarness.DefaultProperties(projectDirectory), kind).AssertCompilesCleanly(allowedIds);
        var image = run.Emit();
        var context = new AssemblyLoadContext("sigil-test-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        var assembly = context.LoadFromStream(new MemoryStream(image));
        return new LoadedProject(context, assembly, run);
    }

    /// <summary>Calls a public static method of the loaded assembly (unwrapping TargetInvocationException).</summary>
    public object? Invoke(string typeName, string method, params object?[] arguments)
    {
        var type = Assembly.GetType(typeName, throwOnError: true)!;
        var target = type.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException(typeName, method);
        try
        {
            return target.Invoke(null, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    /// <summary>The PinTracker of the pin whose FunctionID contains ":" + qualifiedName + "#".</summary>
    public object Tracker(string qualifiedName)
    {
        foreach (var type in Assembly.GetTypes())
        {
            if (type.GetField("Tracker", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public) is not { } field
                || !type.Name.Contains("__Pin", StringComparison.Ordinal))
            {
                continue;
            }
            var tracker = field.GetValue(null)!;
            var pin = (Sigil.Runtime.PinDescriptor)tracker.GetType().GetProperty("Pin")!.GetValue(tracker)!;
            if (pin.FunctionId.Contains(":" + qualifiedName + "#", StringComparison.Ordinal))
            {
                return tracker;
            }
        }
        throw new InvalidOperationException("No generated tracker for " + qualifiedName);
    }

    /// <summary>How many calls a pin's tracker has recorded (PinTracker.Recorded).</summary>
    public long Recorded(string qualifiedName)
    {
        var tracker = Tracker(qualifiedName);
        return (long)tracker.GetType().GetProperty("Recorded")!.GetValue(tracker)!;
    }

    public void Dispose() => _context.Unload();
}
