using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using Sigil.Optimizers.Generators.Budget;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;
using ChatRole = Microsoft.Extensions.AI.ChatRole;

namespace Sigil.Optimizers.Generators.Llm;

/// <summary>
/// Proposes answers by asking an OpenAI-compatible chat-completions endpoint, through the OpenAI .NET SDK behind
/// Microsoft.Extensions.AI's <see cref="IChatClient"/>. One proposal is one logical request: the budget is reserved
/// first (refused with <see cref="GenerationFailureKind.BudgetExhausted"/> before anything is sent), then up to
/// <see cref="LlmGeneratorOptions.MaxAttempts"/> HTTP requests, each with its own timeout, separated by exponential
/// backoff with jitter (at least the endpoint's <c>Retry-After</c>) after 429s, 5xx answers, timeouts and network
/// errors. 401/403 and other 4xx end at once. The SDK's own retries are off, so attempts are counted here.
/// Thread-safe: proposals may run concurrently and share the <see cref="SpendTracker"/>.
/// </summary>
public sealed class LlmGenerator : ICandidateGenerator, IDisposable
{
    /// <summary>The <see cref="Kind"/> of this generator.</summary>
    public const string KindName = "llm";

    private readonly IChatClient _client;
    private readonly bool _ownsClient;
    private readonly LlmGeneratorOptions _options;
    private readonly SpendTracker _spend;
    private readonly TimeProvider _time;

    /// <summary>A generator talking to <see cref="LlmGeneratorOptions.Endpoint"/> with the OpenAI SDK.</summary>
    /// <param name="options">Endpoint, model, key, retries, prompts, prices.</param>
    /// <param name="spend">The run's budget, shared with its other generators; <c>null</c> for an unlimited one of its own.</param>
    /// <param name="time">The clock for timeouts, waits and latency; <c>null</c> for the system clock.</param>
    public LlmGenerator(LlmGeneratorOptions options, SpendTracker? spend = null, TimeProvider? time = null)
        : this(CreateOpenAIClient(options), options, spend, time, ownsClient: true)
    {
    }

    /// <summary>
    /// A generator over any <see cref="IChatClient"/> (another provider's adapter, or a pipeline with middleware);
    /// the client is not disposed by this generator. Failures are classified from the exceptions the OpenAI SDK and
    /// <see cref="HttpClient"/> throw; other clients' errors count as <see cref="GenerationFailureKind.BadResponse"/>.
    /// </summary>
    public LlmGenerator(IChatClient client, LlmGeneratorOptions options, SpendTracker? spend = null, TimeProvider? time = null)
        : this(client, options, spend, time, ownsClient: false)
    {
    }

    private LlmGenerator(IChatClient client, LlmGeneratorOptions options, SpendTracker? spend, TimeProvider? time, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _ownsClient = ownsClient;
        _options = options;
        _spend = spend ?? new SpendTracker();
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>The options in use.</summary>
    public LlmGeneratorOptions Options => _options;

    /// <summary>The budget this generator charges.</summary>
    public SpendTracker Spend => _spend;

    /// <summary>The messages a request would send (for previews and tests); throws <see cref="ArgumentException"/> for an unknown variant.</summary>
    public ChatPrompt BuildPrompt(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PromptBuilder.Build(request, _options.MasterPrompt, _options.Variants, request.Operator ?? _options.Variants.DefaultName, _options.PromptLimits);
    }

    /// <inheritdoc />
    public async Task<GenerationResult> ProposeAsync(GenerationRequest request, CancellationToken ct)
    {
        Validate(request);
        ct.ThrowIfCancellationRequested();
        var prompt = BuildPrompt(request);
        var started = _time.GetTimestamp();
        var promptEstimate = TokenEstimator.Estimate(prompt);
        var plannedPrice = _options.Prices.Find(_options.Model);
        var reserveUsd = plannedPrice?.Cost(promptEstimate, _options.MaxOutputTokens) ?? 0m;
        if (!_spend.TryReserve(promptEstimate + _options.MaxOutputTokens, reserveUsd, out var reservation, out var refusal))
        {
            return Result(prompt, started, 0) with
            {
                Failure = new GenerationFailure(GenerationFailureKind.BudgetExhausted, refusal + " Nothing was sent; raise the budget or end the run."),
            };
        }

        using (reservation)
        {
            var messages = new List<ChatMessage> { new(ChatRole.System, prompt.System), new(ChatRole.User, prompt.User) };
            var chatOptions = new ChatOptions
            {
                ModelId = _options.Model,
                MaxOutputTokens = _options.MaxOutputTokens,
                Temperature = _options.Temperature,
                Seed = request.Seed,
            };
            var random = SeededRandom.For(request.Seed, "sigil.llm.backoff");
            for (var attempt = 1; ; attempt++)
            {
                ct.ThrowIfCancellationRequested();
                EndpointError error;
                using (var timeout = new CancellationTokenSource(_options.RequestTimeout, _time))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token))
                {
                    try
                    {
                        var response = await _client.GetResponseAsync(messages, chatOptions, linked.Token).ConfigureAwait(false);
                        var usage = Usage(response, promptEstimate);
                        reservation!.Commit(usage.TotalTokens, usage.CostUsd, usage.CostKnown);
                        return Result(prompt, started, attempt) with
                        {
                            Answer = response.Text ?? string.Empty,
                            Model = response.ModelId ?? _options.Model,
                            Usage = usage,
                        };
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex)
                    {
                        error = EndpointErrors.Classify(ex, _options.RequestTimeout, _time.GetUtcNow(), _options.ApiKey);
                    }
                }

                var failure = error.Failure;
                if (!failure.IsTransient || attempt >= _options.MaxAttempts)
                {
                    var suffix = attempt > 1 ? string.Create(CultureInfo.InvariantCulture, $" (after {attempt} attempts)") : string.Empty;
                    return Result(prompt, started, attempt) with { Failure = failure with { Message = failure.Message + suffix } };
                }
                var wait = RetryDelays.Backoff(attempt, _options.InitialBackoff, _options.MaxBackoff, random);
                if (error.RetryAfter is { } asked)
                {
                    if (asked > _options.MaxRetryAfter)
                    {
                        return Result(prompt, started, attempt) with
                        {
                            Failure = failure with
                            {
                                Message = failure.Message + string.Create(CultureInfo.InvariantCulture,
                                    $" The endpoint asked to wait {asked.TotalSeconds:0.###} s, more than the {_options.MaxRetryAfter.TotalSeconds:0.###} s allowed; not retried."),
                            },
                        };
                    }
                    wait = asked > wait ? asked : wait;
                }
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Disposes the SDK client when this generator created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private GenerationResult Result(ChatPrompt prompt, long started, int attempts) => new()
    {
        GeneratorKind = KindName,
        Operator = prompt.Variant,
        Model = _options.Model,
        Attempts = attempts,
        Latency = _time.GetElapsedTime(started),
        PromptName = prompt.PromptId,
        PromptDigest = prompt.Digest,
    };

    private GenerationUsage Usage(ChatResponse response, long promptEstimate)
    {
        var reported = response.Usage;
        var estimated = reported?.InputTokenCount is null || reported.OutputTokenCount is null;
        var input = reported?.InputTokenCount ?? promptEstimate;
        var output = reported?.OutputTokenCount ?? TokenEstimator.Estimate(response.Text);
        var price = _options.Prices.Find(response.ModelId) ?? _options.Prices.Find(_options.Model);
        return new GenerationUsage(input, output, price?.Cost(input, output) ?? 0m, price is not null, estimated);
    }

    private static void Validate(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.MethodSource))
        {
            throw new ArgumentException("The request has no method source.", nameof(request));
        }
    }

    private static IChatClient CreateOpenAIClient(LlmGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            // Retries are done by the generator (counted, budgeted, Retry-After honoured, cancellable), never by the SDK.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // The generator's own per-request timeout fires first; this only backs it up.
            NetworkTimeout = options.RequestTimeout + TimeSpan.FromSeconds(30),
            UserAgentApplicationId = "sigil",
        };
        if (options.HttpClient is { } http)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(http);
        }
        var chat = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey ?? LlmGeneratorOptions.PlaceholderApiKey), clientOptions);
        return chat.AsIChatClient();
    }
}
