using Sigil.Testing.ChatServer;
using System.Diagnostics;
using Sigil.Candidates;
using Sigil.Candidates.Building;
using Sigil.Candidates.Parsing;
using Sigil.Core.Hashing;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Budget;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Generators.Llm.LlmTestData;

namespace Sigil.Optimizers.Tests.Generators.Llm;

[TestClass]
public sealed class LlmGeneratorTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    [TestMethod]
    public async Task ProposeAsync_GoodEdit_ReturnsAnswerThatBuildsACandidate()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer, 321, 45, "test-model-2025"));
        using var generator = new LlmGenerator(Options(server));

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.IsTrue(result.Succeeded, result.Failure?.ToString());
        Assert.AreEqual(FewerIterationsAnswer, result.Answer);
        Assert.AreEqual("llm", result.GeneratorKind);
        Assert.AreEqual("optimize", result.Operator);
        Assert.AreEqual("test-model-2025", result.Model);
        Assert.AreEqual(1, result.Attempts);
        Assert.AreEqual(new GenerationUsage(321, 45, 0m, CostKnown: false), result.Usage);
        Assert.AreEqual("sigil.codeopt@1", result.PromptName);
        Assert.IsTrue(Blake3Digest.IsDigest(result.PromptDigest));
        var candidate = CandidateBuilder.Build(Samples.Sources(Samples.QuickStartPath, Samples.QuickStartKernels), Samples.Pin(Samples.QuickStartKernels, "Root", Samples.QuickStartPath), result.Answer);
        Assert.IsInstanceOfType<Candidate>(candidate, candidate.Failure?.ToString());
        StringAssert.Contains(((Candidate)candidate).Diff, "+        for (var i = 0; i < 20; i++)");

        var request = server.Requests.Single();
        Assert.AreEqual("/v1/chat/completions", request.Path);
        Assert.AreEqual("Bearer " + ApiKey, request.Authorization);
        Assert.AreEqual("test-model", request.Model);
        Assert.AreEqual(7, request.Seed);
    }

    [TestMethod]
    public async Task ProposeAsync_TextWithoutEdit_IsAnAnswerTheParserClassifies()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion("I think the method is already optimal; I would not change it."));
        using var generator = new LlmGenerator(Options(server));

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.IsTrue(result.Succeeded, "an answer with no edit is still an answer");
        var parsed = EditParser.Parse(result.Answer);
        Assert.IsInstanceOfType<NoUsableEdit>(parsed);
        Assert.AreEqual(CandidateFailureKind.NoEditFound, parsed.Failure!.Kind);
    }

    [TestMethod]
    public async Task ProposeAsync_GarbageBody_IsBadResponseWithoutRetry()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Garbage(), Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(GenerationFailureKind.BadResponse, result.Failure?.Kind, result.Failure?.ToString());
        Assert.IsNull(result.Answer);
        Assert.AreEqual(1, result.Attempts);
        Assert.AreEqual(1, server.RequestCount);
        Assert.AreEqual(0, generator.Spend.Snapshot().Tokens);
    }

    [TestMethod]
    public async Task ProposeAsync_RateLimitedWithRetryAfter_WaitsAsToldThenSucceeds()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Status(429, ("Retry-After", "1")), Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.IsTrue(result.Succeeded, result.Failure?.ToString());
        Assert.AreEqual(2, result.Attempts);
        Assert.AreEqual(2, server.RequestCount);
        var gap = server.Requests[1].At - server.Requests[0].At;
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), gap, $"the retry came {gap.TotalMilliseconds} ms after the 429 with Retry-After: 1");
    }

    [TestMethod]
    public async Task ProposeAsync_ServerErrorTwice_RetriesWithGrowingBackoff()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Status(500), Reply.Status(503), Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.IsTrue(result.Succeeded, result.Failure?.ToString());
        Assert.AreEqual(3, result.Attempts);
        Assert.AreEqual(3, server.RequestCount);
        var requests = server.Requests;
        var first = requests[1].At - requests[0].At;
        var second = requests[2].At - requests[1].At;
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(45), first, "backoff after the first failure is at least half of 100 ms");
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(95), second, "backoff after the second failure is at least half of 200 ms");
        Assert.AreEqual(100 + 50, result.Usage.TotalTokens, "failed attempts cost nothing");
    }

    [TestMethod]
    public async Task ProposeAsync_ServerErrorEveryTime_FailsAfterMaxAttempts()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Status(502), Reply.Status(500), Reply.Status(500));
        using var generator = new LlmGenerator(Options(server) with { MaxAttempts = 3 });

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(GenerationFailureKind.Http5xx, result.Failure?.Kind);
        Assert.AreEqual(500, result.Failure!.StatusCode);
        Assert.AreEqual(3, result.Attempts);
        Assert.AreEqual(3, server.RequestCount);
        StringAssert.Contains(result.Failure.Message, "after 3 attempts");
        Assert.AreEqual(new SpendSnapshot(0, 0m, 0, 0m, 1, 0, 0), generator.Spend.Snapshot(), "the reservation is released, nothing spent");
    }

    [TestMethod]
    public async Task ProposeAsync_SlowAnswerBeyondTimeout_TimesOutOnEveryAttempt()
    {
        var slow = Reply.Delayed(TimeSpan.FromSeconds(20), Reply.Completion(FewerIterationsAnswer));
        await using var server = await ScriptedChatServer.StartAsync(slow, slow);
        using var generator = new LlmGenerator(Options(server) with { RequestTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 });
        var clock = Stopwatch.StartNew();

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(GenerationFailureKind.Timeout, result.Failure?.Kind, result.Failure?.ToString());
        Assert.AreEqual(2, result.Attempts);
        Assert.AreEqual(2, server.RequestCount);
        Assert.IsLessThan(TimeSpan.FromSeconds(5), clock.Elapsed);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(600), result.Latency);
    }

    [TestMethod]
    public async Task ProposeAsync_Unauthorized_FailsAtOnceWithoutLeakingTheKey()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Status(401), Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(GenerationFailureKind.Unauthorized, result.Failure?.Kind);
        Assert.AreEqual(401, result.Failure!.StatusCode);
        Assert.AreEqual(1, result.Attempts);
        Assert.AreEqual(1, server.RequestCount);
        Assert.IsFalse(result.Failure.Message.Contains(ApiKey, StringComparison.Ordinal));
        StringAssert.Contains(result.Failure.Message, "llm.api_key_env");
    }

    [TestMethod]
    public async Task ProposeAsync_OtherClientError_FailsAtOnce()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Status(404), Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(GenerationFailureKind.ClientError, result.Failure?.Kind);
        Assert.AreEqual(1, server.RequestCount);
    }

    [TestMethod]
    public async Task ProposeAsync_RetryAfterBeyondLimit_GivesUpWithoutWaiting()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Status(429, ("Retry-After", "3600")), Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server) with { MaxRetryAfter = TimeSpan.FromSeconds(30) });
        var clock = Stopwatch.StartNew();

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(GenerationFailureKind.Http429, result.Failure?.Kind);
        StringAssert.Contains(result.Failure!.Message, "asked to wait 3600 s");
        Assert.AreEqual(1, server.RequestCount);
        Assert.IsLessThan(TimeSpan.FromSeconds(5), clock.Elapsed);
    }

    [TestMethod]
    public async Task ProposeAsync_EndpointDown_IsNetworkFailureAfterRetries()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new LlmGeneratorOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{port}/v1"),
            Model = "test-model",
            MaxAttempts = 2,
            InitialBackoff = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(40),
        };
        using var generator = new LlmGenerator(options);

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(GenerationFailureKind.Network, result.Failure?.Kind, result.Failure?.ToString());
        Assert.AreEqual(2, result.Attempts);
    }

    [TestMethod]
    public async Task ProposeAsync_Cancelled_StopsPromptlyDuringTheRequest()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Delayed(TimeSpan.FromSeconds(30), Reply.Completion(FewerIterationsAnswer)));
        using var generator = new LlmGenerator(Options(server) with { RequestTimeout = TimeSpan.FromSeconds(60) });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<OperationCanceledException>(() => generator.ProposeAsync(RootRequest(), cancel.Token));

        Assert.IsLessThan(TimeSpan.FromSeconds(3), clock.Elapsed);
        Assert.AreEqual(1, server.RequestCount);
        Assert.AreEqual(0, generator.Spend.Snapshot().ReservedTokens, "a cancelled request releases its reservation");
    }

    [TestMethod]
    public async Task ProposeAsync_Cancelled_StopsPromptlyDuringTheBackoffWait()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Status(429, ("Retry-After", "30")), Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<OperationCanceledException>(() => generator.ProposeAsync(RootRequest(), cancel.Token));

        Assert.IsLessThan(TimeSpan.FromSeconds(3), clock.Elapsed);
        Assert.AreEqual(1, server.RequestCount);
    }

    [TestMethod]
    public async Task ProposeAsync_PreCancelled_SendsNothing()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));

        await Assert.ThrowsAsync<OperationCanceledException>(() => generator.ProposeAsync(RootRequest(), new CancellationToken(canceled: true)));

        Assert.AreEqual(0, server.RequestCount);
    }

    [TestMethod]
    public async Task ProposeAsync_Prompt_CarriesMethodContextSketchesScoresAndPreviousErrors()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));
        var request = RootRequest();

        var result = await generator.ProposeAsync(request, Ct);

        var sent = server.Requests.Single();
        var system = sent.Message("system");
        var user = sent.Message("user");
        Assert.AreEqual(MasterPrompt.Default.Text, system);
        StringAssert.Contains(user, request.FunctionId);
        StringAssert.Contains(user, "samples/QuickStart/Kernels.cs");
        StringAssert.Contains(user, "spec `quickstart`");
        StringAssert.Contains(user, "`RootError`");
        StringAssert.Contains(user, "guess = 0.5 * (guess + x / guess);", "the method");
        StringAssert.Contains(user, "public static long SumOfSquares(int[] values)", "the containing type");
        foreach (var sketch in request.SampleSketches)
        {
            StringAssert.Contains(user, "- " + sketch);
        }
        StringAssert.Contains(user, "Baseline (current code): -1.5E-12");
        StringAssert.Contains(user, "Best candidate so far: -3.25E-13");
        StringAssert.Contains(user, "eval score, higher is better");
        StringAssert.Contains(user, "1. [SearchNotFound] The SEARCH block does not match any lines of samples/QuickStart/Kernels.cs.");
        StringAssert.Contains(user, "2. [CompileError] CS0103: The name 'guesss' does not exist in the current context");
        StringAssert.Contains(user, "<<<<<<< SEARCH");
        StringAssert.Contains(user, "```csharp");
        Assert.AreEqual(generator.BuildPrompt(request).Digest, result.PromptDigest);
        Assert.AreEqual(new ChatPrompt("sigil.codeopt@1", "optimize", system, user).Digest, result.PromptDigest, "the digest is of what was sent");
    }

    [TestMethod]
    public async Task ProposeAsync_PromptVariant_AddsItsInstructionAndIsRecorded()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));

        var result = await generator.ProposeAsync(RootRequest(op: "micro"), Ct);

        Assert.AreEqual("micro", result.Operator);
        StringAssert.Contains(server.Requests.Single().Message("user"), PromptVariants.Default.Instruction("micro"));
        Assert.AreNotEqual(generator.BuildPrompt(RootRequest()).Digest, result.PromptDigest);
    }

    [TestMethod]
    public async Task ProposeAsync_UnknownVariant_ThrowsBeforeSending()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer));
        using var generator = new LlmGenerator(Options(server));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => generator.ProposeAsync(RootRequest(op: "telepathy"), Ct));

        StringAssert.Contains(error.Message, "optimize");
        Assert.AreEqual(0, server.RequestCount);
    }

    [TestMethod]
    public async Task ProposeAsync_OverriddenMasterPrompt_IsSentAndNamed()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer));
        var master = new MasterPrompt("team.prompt", 3, "Be brief. Answer with a csharp block.");
        using var generator = new LlmGenerator(Options(server) with { MasterPrompt = master });

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual("team.prompt@3", result.PromptName);
        Assert.AreEqual(master.Text, server.Requests.Single().Message("system"));
    }
}
