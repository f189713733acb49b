using Sigil.Testing.ChatServer;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Tests.Support;

namespace Sigil.Optimizers.Tests.Generators.Llm;

/// <summary>Options and requests shared by the LLM generator tests.</summary>
internal static class LlmTestData
{
    public const string ApiKey = "sk-test-secret-0123456789";

    /// <summary>Options for <paramref name="server"/>: short backoffs and timeouts so tests stay fast.</summary>
    public static LlmGeneratorOptions Options(ScriptedChatServer server) => new()
    {
        Endpoint = server.BaseUrl,
        Model = "test-model",
        ApiKey = ApiKey,
        ApiKeySource = "TEST_KEY",
        RequestTimeout = TimeSpan.FromSeconds(10),
        MaxAttempts = 4,
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromMilliseconds(400),
        MaxOutputTokens = 1000,
    };

    /// <summary>A request for QuickStart's Root with sketches, scores and a previous failure.</summary>
    public static GenerationRequest RootRequest(long seed = 7, string? op = null) => Samples.Request(Samples.QuickStartKernels, "Root", Samples.QuickStartPath, op, seed) with
    {
        SpecName = "quickstart",
        EvalFunctionName = "RootError",
        SampleSketches = ["x=2", "x=49.5", "x=1000000"],
        Scores = new BestScores(-1.5e-12, -3.25e-13, "eval score, higher is better"),
        PreviousFailures =
        [
            new PreviousFailure("SearchNotFound", "The SEARCH block does not match any lines of samples/QuickStart/Kernels.cs."),
            new PreviousFailure("CompileError", "CS0103: The name 'guesss' does not exist in the current context"),
        ],
    };

    /// <summary>An answer that makes Root do 20 Newton steps instead of 40.</summary>
    public const string FewerIterationsAnswer = """
        Twenty Newton steps are plenty for doubles.

        ```csharp
        public static double Root(double x)
        {
            if (x <= 0)
            {
                return 0;
            }
            var guess = x / 2 + 1;
            for (var i = 0; i < 20; i++)
            {
                guess = 0.5 * (guess + x / guess);
            }
            return guess;
        }
        ```
        """;
}
