using System.Globalization;
using System.Text;

namespace Sigil.Optimizers.Generators.Llm;

/// <summary>
/// Builds the messages for a request: the master prompt as the system message, and a user message carrying the task
/// (pin, spec, eval function, the variant's instruction), the method to improve, its containing type, sample
/// sketches, the scores to beat, the parent and inspirations, the previous failures to fix, and the answer format.
/// Deterministic: the same request, prompt and limits give the same text (and digest).
/// </summary>
public static class PromptBuilder
{
    /// <summary>The messages for <paramref name="request"/> with the variant <paramref name="variant"/>.</summary>
    public static ChatPrompt Build(GenerationRequest request, MasterPrompt master, PromptVariants variants, string variant, PromptLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(variants);
        limits ??= PromptLimits.Default;
        var instruction = variants.Instruction(variant);
        var text = new StringBuilder();

        text.Append("# Task\n");
        text.Append("Improve the pinned method `").Append(request.FunctionId).Append("` declared in `").Append(request.FilePath).Append('`');
        if (request.SpecName is not null)
        {
            text.Append(" (spec `").Append(request.SpecName).Append("`)");
        }
        text.Append(".\n");
        if (request.EvalFunctionName is not null)
        {
            text.Append("Each result is scored by the eval function `").Append(request.EvalFunctionName)
                .Append("` (in the containing type below); results must stay correct by it and by comparison with the current version.\n");
        }
        text.Append(instruction).Append("\n\n");

        var parent = request.ParentSource is not null;
        text.Append(parent ? "# Current method (original version, for reference)\n" : "# Current method\n");
        Code(text, request.MethodSource);
        if (parent)
        {
            text.Append("# Version to improve (start from this one)\n");
            Code(text, request.ParentSource!);
        }

        if (!string.IsNullOrWhiteSpace(request.ContextSource))
        {
            text.Append("# Containing type (context; do not edit its other members)\n");
            Code(text, Cut(request.ContextSource!, limits.MaxContextChars, "the rest of the type is not shown"));
        }

        if (request.SampleSketches.Count > 0)
        {
            text.Append("# Sample inputs (sketches of tracked calls)\n");
            foreach (var sketch in request.SampleSketches.Take(limits.MaxSketches))
            {
                text.Append("- ").Append(OneLine(Cut(sketch, limits.MaxSketchChars, "cut"))).Append('\n');
            }
            if (request.SampleSketches.Count > limits.MaxSketches)
            {
                text.Append("- … and ").Append(request.SampleSketches.Count - limits.MaxSketches).Append(" more\n");
            }
            text.Append('\n');
        }

        if (request.Scores is { } scores)
        {
            text.Append("# Scores to beat\n");
            if (scores.Metric is not null)
            {
                text.Append("Metric: ").Append(scores.Metric).Append('\n');
            }
            text.Append("Baseline (current code): ").Append(Number(scores.Baseline)).Append('\n');
            text.Append("Best candidate so far: ").Append(Number(scores.Best)).Append("\n\n");
        }

        if (request.Inspirations.Count > 0)
        {
            text.Append("# Other candidates (ideas to borrow from)\n");
            var i = 0;
            foreach (var inspiration in request.Inspirations.Take(limits.MaxInspirations))
            {
                text.Append("## Candidate ").Append(++i);
                if (inspiration.Label is not null)
                {
                    text.Append(" (").Append(inspiration.Label).Append(')');
                }
                if (inspiration.Score is { } score)
                {
                    text.Append(", score ").Append(Number(score));
                }
                text.Append('\n');
                Code(text, inspiration.Source);
            }
        }

        if (request.PreviousFailures.Count > 0)
        {
            text.Append("# Previous attempts that failed (fix these problems; do not repeat them)\n");
            var shown = request.PreviousFailures.Skip(Math.Max(0, request.PreviousFailures.Count - limits.MaxFailures)).ToList();
            if (shown.Count < request.PreviousFailures.Count)
            {
                text.Append("(the last ").Append(shown.Count).Append(" of ").Append(request.PreviousFailures.Count).Append(")\n");
            }
            var n = 0;
            foreach (var failure in shown)
            {
                text.Append(++n).Append(". [").Append(failure.Kind).Append("] ")
                    .Append(Cut(failure.Message, limits.MaxFailureChars, "message cut").TrimEnd()).Append('\n');
            }
            text.Append('\n');
        }

        text.Append("# Answer format\n");
        text.Append("Reply with a short explanation, then either the whole new method (same signature) in one ```csharp block, ")
            .Append("or SEARCH/REPLACE blocks (<<<<<<< SEARCH / exact current lines / ======= / new lines / >>>>>>> REPLACE) against the ")
            .Append(parent ? "version to improve" : "current method").Append(". Do not change the signature or the attributes.\n");

        return new ChatPrompt(master.Id, variant, master.Text, text.ToString());
    }

    private static void Code(StringBuilder text, string source)
    {
        var fence = new string('`', Math.Max(3, LongestRun(source, '`') + 1));
        text.Append(fence).Append("csharp\n").Append(source.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n')).Append('\n').Append(fence).Append("\n\n");
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    private static string Cut(string text, int max, string note) =>
        text.Length <= max ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..max]}\n… ({text.Length - max} more characters; {note})");

    private static string OneLine(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Number(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "not measured yet";
}
