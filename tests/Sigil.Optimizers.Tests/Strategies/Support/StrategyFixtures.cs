using Sigil.Testing.ChatServer;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Generators.Rules;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Tests.Generators.Llm;
using Sigil.Optimizers.Tests.Support;

namespace Sigil.Optimizers.Tests.Strategies.Support;

/// <summary>The pinned methods, arms and answers the strategy tests share.</summary>
internal static class StrategyFixtures
{
    /// <summary>
    /// A kernel with three ways to get faster that the real rules find: hoist <c>Math.Sqrt(factor)</c> out of the loop,
    /// turn the LINQ sum into a loop, and run fewer iterations (down to 25; fewer give wrong results by the cost model).
    /// </summary>
    public static string KernelFile { get; } = Samples.Class("""
        public static double Kernel(double[] values, double factor)
        {
            var total = 0.0;
            for (var i = 0; i < 1000; i++)
            {
                total += values[i % values.Length] * Math.Sqrt(factor) * 0.5;
            }
            var positive = values.Where(v => v > 0).Sum();
            return total + positive;
        }
        """);

    /// <summary>A method without numeric literals.</summary>
    public static string NoLiteralsFile { get; } = Samples.Class("""
        public static string Greet(string name) => "Hello, " + name;
        """);

    /// <summary>An LLM answer for the kernel: Math.Sqrt hoisted by hand (a whole method).</summary>
    public const string HoistedKernelAnswer = """
        Math.Sqrt(factor) does not change inside the loop, so compute it once.

        ```csharp
        public static double Kernel(double[] values, double factor)
        {
            var total = 0.0;
            var root = Math.Sqrt(factor);
            for (var i = 0; i < 1000; i++)
            {
                total += values[i % values.Length] * root * 0.5;
            }
            var positive = values.Where(v => v > 0).Sum();
            return total + positive;
        }
        ```
        """;

    /// <summary>An LLM answer with no edit in it.</summary>
    public const string NoEditAnswer = "The method is already as fast as it can be; I would not change it.";

    /// <summary>Rule arms for the given operators.</summary>
    public static GeneratorArm[] Rules(params string[] operators) => [.. operators.Select(o => new GeneratorArm(RuleGenerator.KindName, null, o))];

    /// <summary>The three rules that apply to the kernel.</summary>
    public static GeneratorArm[] KernelRules => Rules("hoist-invariant", "linq-to-loop", "numeric-literal");

    /// <summary>An LLM arm of the test model with a prompt variant.</summary>
    public static GeneratorArm Llm(string variant = "optimize") => new(LlmGenerator.KindName, "test-model", variant);

    /// <summary>A run over the kernel.</summary>
    public static SearchSetup Kernel(IReadOnlyList<GeneratorArm> arms, int iterations = 20, long seed = 1) => new()
    {
        FileText = KernelFile,
        MethodName = "Kernel",
        Arms = arms,
        Iterations = iterations,
        Seed = seed,
    };

    /// <summary>A run over QuickStart's <c>Root</c> (the repository's sample: 40 Newton steps, correct down to 25 by the cost model).</summary>
    public static SearchSetup Root(int iterations = 200, long seed = 1) => new()
    {
        FileText = Samples.QuickStartKernels,
        FilePath = Samples.QuickStartPath,
        MethodName = "Root",
        Arms = Rules("numeric-literal"),
        Iterations = iterations,
        Seed = seed,
    };

    /// <summary>Options for the scripted server: one attempt per proposal (a scripted failure is final).</summary>
    public static LlmGeneratorOptions Options(ScriptedChatServer server) => LlmTestData.Options(server) with { MaxAttempts = 1 };

    /// <summary>Runs <paramref name="optimizer"/> on a fresh context of <paramref name="setup"/>; the caller disposes the context.</summary>
    public static async Task<TestSearchContext> RunAsync(IOptimizer optimizer, SearchSetup setup, CancellationToken ct)
    {
        var context = new TestSearchContext(setup);
        await optimizer.RunAsync(context, ct);
        return context;
    }

    /// <summary>The literal in the loop condition of a method (QuickStart's Root: the Newton step count).</summary>
    public static double LoopBound(string methodSource) => NumericLiterals.Find(methodSource).Single(l => l.InLoopCondition).Value;
}
