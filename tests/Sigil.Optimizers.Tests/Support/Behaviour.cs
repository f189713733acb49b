using System.Collections;

namespace Sigil.Optimizers.Tests.Support;

/// <summary>Runs an original and a rewritten method on the same inputs and asserts they behave alike.</summary>
internal static class Behaviour
{
    /// <summary>Same results (sequences element by element), or exceptions of the same type, for every input.</summary>
    public static void AssertSame(string originalFile, string candidateFile, string type, string method, params object?[][] inputs)
    {
        using var original = Compiled.From(originalFile);
        using var candidate = Compiled.From(candidateFile);
        foreach (var input in inputs)
        {
            var expected = original.Call(type, method, input);
            var actual = candidate.Call(type, method, input);
            var shown = string.Join(", ", input.Select(Show));
            if (expected is Exception e)
            {
                Assert.IsInstanceOfType(actual, e.GetType(), $"{method}({shown}): the original threw {e.GetType().Name}, the candidate gave {Show(actual)}");
            }
            else
            {
                Assert.AreEqual(Show(expected), Show(actual), $"{method}({shown})");
            }
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable sequence => "[" + string.Join(", ", sequence.Cast<object?>().Select(Show)) + "]",
        Exception ex => ex.GetType().Name,
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
