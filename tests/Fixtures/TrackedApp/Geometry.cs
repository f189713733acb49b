using Sigil;

namespace TrackedApp;

/// <summary>
/// A pin that leans on its type's private members (a field, a method, a nested type): the compiler's method-only fast
/// path must compile and run a new body of it exactly as from inside the type (tests/Sigil.Evaluation.Tests).
/// </summary>
public static class Geometry
{
    private static readonly double Scale = 2;

    [Improve("fixture", Eval = nameof(Positive), Workspace = "t1")]
    public static double Area(double radius)
    {
        var shape = new Circle(radius);
        return Twice(shape.Radius) * shape.Radius * 1.5707963267948966;
    }

    /// <summary>1 when the area is positive.</summary>
    public static double Positive(double radius, double area) => area > 0 ? 1 : 0;

    private static double Twice(double x) => x * Scale;

    private readonly record struct Circle(double Radius);
}
