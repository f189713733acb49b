using Sigil.Candidates.Applying;

namespace Sigil.Candidates.Tests.Fixtures;

/// <summary>A two-file project: a vector type and the pinned <c>VectorMath.TotalLength</c> that uses it.</summary>
internal static class MiniProject
{
    public const string VectorPath = "src/Geometry/Vector.cs";

    public const string MathPath = "src/Geometry/VectorMath.cs";

    public const string Vector = """
        namespace Geometry;

        /// <summary>A 3-component vector.</summary>
        public readonly record struct Vector(double X, double Y, double Z)
        {
            public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

            public static Vector operator +(Vector a, Vector b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
        }

        """;

    public const string VectorMath = """
        using System.Collections.Generic;
        using System.Linq;
        using Sigil;

        namespace Geometry;

        public static class VectorMath
        {
            private static readonly double Epsilon = 1e-9;

            [Improve("geometry", Workspace = "v1")]
            public static double TotalLength(List<Vector> vectors)
            {
                return vectors.Select(v => v.Length).Sum();
            }

            public static bool IsZero(Vector v) => v.Length < Epsilon;

            public static double Dot(Vector a, Vector b)
            {
                return a.X * b.X + a.Y * b.Y + a.Z * b.Z;
            }
        }

        """;

    /// <summary>The pin by its FunctionID qualname (namespace-qualified parameter types).</summary>
    public static PinTarget Pin { get; } = new(MathPath, "VectorMath.TotalLength(System.Collections.Generic.List<Geometry.Vector>)");

    public static IReadOnlyDictionary<string, string> Sources() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [VectorPath] = Vector,
        [MathPath] = VectorMath,
    };

    /// <summary>A multi-file answer: a loop in the pin using a new <c>Vector.LengthSquared</c>-free helper in Vector.cs.</summary>
    public const string TwoFileAnswer = """
        I add a helper to the vector and use a plain loop.

        src/Geometry/Vector.cs
        ```csharp
        <<<<<<< SEARCH
            public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);
        =======
            public double Length => Math.Sqrt(LengthSquared);

            public double LengthSquared => X * X + Y * Y + Z * Z;
        >>>>>>> REPLACE
        ```

        src/Geometry/VectorMath.cs
        ```csharp
        <<<<<<< SEARCH
                return vectors.Select(v => v.Length).Sum();
        =======
                var total = 0.0;
                foreach (var v in vectors)
                {
                    total += Math.Sqrt(v.LengthSquared);
                }
                return total;
        >>>>>>> REPLACE
        ```
        """;
}
