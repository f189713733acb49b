namespace Sigil.Runs.Tests.Support;

/// <summary>What a scripted LLM answers about QuickStart's pins: good edits, broken ones, garbage and hostile code.</summary>
internal static class Answers
{
    /// <summary>The pinned SumOfSquares line as QuickStart declares it (the SEARCH text).</summary>
    public const string SumOfSquaresLine = "    public static long SumOfSquares(int[] values) => values.Select(v => (long)v * v).Sum();";

    /// <summary>Prose without any code.</summary>
    public const string Garbage = "I looked at the method and I think it is already quite fast. Maybe use a loop? Hope this helps!";

    /// <summary>SEARCH/REPLACE: LINQ to a for loop.</summary>
    public static string SumForLoopSearchReplace { get; } = $$"""
        Replacing LINQ with a plain loop avoids the iterator and the delegate calls.

        <<<<<<< SEARCH
        {{SumOfSquaresLine}}
        =======
            public static long SumOfSquares(int[] values)
            {
                long sum = 0;
                for (var i = 0; i < values.Length; i++)
                {
                    sum += (long)values[i] * values[i];
                }
                return sum;
            }
        >>>>>>> REPLACE
        """;

    /// <summary>A whole method with a foreach loop.</summary>
    public static string SumForeach { get; } = Method("A foreach over the array compiles to an index loop.", """
        long total = 0;
        foreach (var v in values)
        {
            total += (long)v * v;
        }
        return total;
        """);

    /// <summary>A whole method with a two-way unrolled loop.</summary>
    public static string SumUnrolled { get; } = Method("Two accumulators, two elements per step.", """
        long a = 0, b = 0;
        var i = 0;
        for (; i + 1 < values.Length; i += 2)
        {
            a += (long)values[i] * values[i];
            b += (long)values[i + 1] * values[i + 1];
        }
        if (i < values.Length)
        {
            a += (long)values[i] * values[i];
        }
        return a + b;
        """);

    /// <summary>A whole method that does not compile (an undefined name).</summary>
    public static string SumNotCompiling { get; } = Method("Use the precomputed table.", """
        long sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += squareTable[values[i]];
        }
        return sum;
        """);

    /// <summary>A whole method that compiles and runs but forgets to square.</summary>
    public static string SumWrong { get; } = Method("Faster without the multiplication.", """
        long sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i];
        }
        return sum;
        """);

    /// <summary>A SumOfSquares whose body is <paramref name="body"/>, in a fenced block after <paramref name="prose"/>.</summary>
    public static string Method(string prose, string body) =>
        prose + "\n\n```csharp\npublic static long SumOfSquares(int[] values)\n{\n"
        + string.Join("\n", body.Split('\n').Select(line => "    " + line.TrimEnd('\r'))) + "\n}\n```\n";

    /// <summary>The correct loop, after <paramref name="before"/> (hostile code that may throw or change the result).</summary>
    public static string SumAfter(string prose, string before) => Method(prose, before + """

        long s = 0;
        for (var i = 0; i < values.Length; i++)
        {
            s += (long)values[i] * values[i];
        }
        return s;
        """);
}
