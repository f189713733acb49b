namespace Sigil;

/// <summary>
/// Marks a method as a pin: every call of it is routed through Sigil's dispatcher (by the source generator
/// shipped with Sigil.Runtime), tracked while the tracker is on, and later improved by <c>sigil run</c>.
/// The C# form of <c>@improve(with_eval=myeval, serve_workspace="v1")</c>.
/// </summary>
/// <example><code>
/// [Improve("quickstart", Eval = nameof(Score), Workspace = "v1")]
/// public static double Area(double r) => Math.PI * r * r;
/// public static double Score(double r, double area) => ...;
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ImproveAttribute(string spec) : Attribute
{
    /// <summary>The name of the spec this pin belongs to, declared with <see cref="SpecAttribute"/>.</summary>
    public string Spec { get; } = spec;

    /// <summary>
    /// The evaluation function: a static method named here (use <c>nameof</c>), found on <see cref="EvalType"/> or,
    /// when that is not set, on the pin's own type. It takes the pin's parameters followed by its result (the awaited
    /// result for async pins; nothing for void pins) and returns a score: double, float, int, long, decimal or bool.
    /// </summary>
    public string? Eval { get; set; }

    /// <summary>The type that declares <see cref="Eval"/>, when it is not the pin's own type.</summary>
    public Type? EvalType { get; set; }

    /// <summary>The workspace candidates are served from (<c>serve_workspace</c>); "default" when not set.</summary>
    public string Workspace { get; set; } = "default";
}
