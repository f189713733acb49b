namespace Sigil.Publishing.Tests.Support;

/// <summary>
/// A small project with three pinned methods carrying doc comments, comments, a region and odd formatting, and the
/// approved candidates for two of them (written at column 0, as a candidate file's method may come).
/// </summary>
internal static class SampleSources
{
    public const string KernelsPath = "src/Kernels.cs";
    public const string GeometryPath = "src/Geometry.cs";
    public const string RootPin = "Kernels.Root(double)";
    public const string SumPin = "Kernels.SumSquares(int[])";
    public const string CubePin = "Kernels.Cube(double)";
    public const string AreaPin = "Geometry.Shapes.Area(double,double)";

    public static readonly string Project = Lf("""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
        </Project>
        """);

    public static readonly string Kernels = Lf("""
        // Kernels.cs — numeric kernels of the sample app.
        using System;
        using Sigil;

        namespace Sample.Numerics;

        /// <summary>Hand-written kernels.</summary>
        public static class Kernels
        {
            /// <summary>Square root by Newton's method.</summary>
            /// <param name="x">A non-negative number.</param>
            [Improve]   // pinned: measured by Sigil
            public static double Root(double x)
            {
                var guess = x / 2;   // first guess
                for (var i = 0; i < 40; i++)
                {
                    guess = 0.5 * (guess + x / guess);
                }
                return guess;
            }

            // Not pinned; it must stay exactly as it is.
            private static int  Helper( int a ,int b ) => a+b;   // odd spacing on purpose

            [Improve]
            [System.Diagnostics.DebuggerStepThrough]
            public static long SumSquares(int[] values) {
                long total = 0;
                foreach (var v in values) { total += (long)v * v; }
                return total;
            }

            #region Powers
            /* A block comment before a pinned method. */
            [Improve] public static double Cube(double x)
                => x * x * x; // expression body
            #endregion
        }
        """);

    public static readonly string RootBefore = Lf("""
        public static double Root(double x)
            {
                var guess = x / 2;   // first guess
                for (var i = 0; i < 40; i++)
                {
                    guess = 0.5 * (guess + x / guess);
                }
                return guess;
            }
        """);

    /// <summary>The approved Root with a doc comment and attribute of its own; only its declaration proper is published.</summary>
    public static readonly string RootApproved = Lf("""
        /// <summary>Changed documentation that must not be published.</summary>
        [Improve("other settings")]
        public static double Root(double x)
        {
            // Sigil: six steps from a better first guess.
            var guess = x > 1 ? x / 4 : x;
            for (var i = 0; i < 6; i++)
            {
                guess = 0.5 * (guess + x / guess);
            }
            return guess;
        }
        """);

    /// <summary>The approved Root as it must appear in the file (re-indented into the class).</summary>
    public static readonly string RootAfter = Lf("""
        public static double Root(double x)
            {
                // Sigil: six steps from a better first guess.
                var guess = x > 1 ? x / 4 : x;
                for (var i = 0; i < 6; i++)
                {
                    guess = 0.5 * (guess + x / guess);
                }
                return guess;
            }
        """);

    public static readonly string SumBefore = Lf("""
        public static long SumSquares(int[] values) {
                long total = 0;
                foreach (var v in values) { total += (long)v * v; }
                return total;
            }
        """);

    public static readonly string SumApproved = Lf("""
            [Improve]
            [System.Diagnostics.DebuggerStepThrough]
            public static long SumSquares(int[] values)
            {
                long total = 0;
                for (var i = 0; i < values.Length; i++)
                {
                    long v = values[i];
                    total += v * v;
                }
                return total;
            }
        """);

    public static readonly string SumAfter = Lf("""
        public static long SumSquares(int[] values)
            {
                long total = 0;
                for (var i = 0; i < values.Length; i++)
                {
                    long v = values[i];
                    total += v * v;
                }
                return total;
            }
        """);

    /// <summary>Cube exactly as it is in the file: approving it changes nothing.</summary>
    public static readonly string CubeUnchanged = Lf("""
        public static double Cube(double x)
            => x * x * x;
        """);

    public static readonly string Geometry = Lf("""
        namespace Sample.Geometry;

        public static class Geometry
        {
            public sealed class Shapes
            {
                [Sigil.Improve]
                public double Area(double width, double height) => width * height; // rectangle
            }
        }
        """);

    public const string AreaApproved = "public double Area(double width, double height) => height * width;";

    /// <summary>Kernels with Root and SumSquares replaced by their approved versions.</summary>
    public static string KernelsWithBoth => Kernels.Replace(RootBefore, RootAfter).Replace(SumBefore, SumAfter);

    /// <summary>LF line endings and a final line break, whatever this file's own line endings are.</summary>
    public static string Lf(string text) => text.ReplaceLineEndings("\n") + "\n";
}
