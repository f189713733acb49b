using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Serialization;

namespace Sigil.Workspace.Model;

/// <summary>
/// One optimization run (<c>sigil run SPEC --name WS --optimizer X --niter N --seed S</c>) as the workspace's run log
/// stores it: everything that determines what the run tries, so a killed run can be resumed by replaying its
/// <see cref="TrialRecord"/>s through the same deterministic strategy, and so a user can audit what was run.
/// </summary>
/// <remarks>
/// <para>
/// Content-addressed: <see cref="Id"/> is <c>run://b3:&lt;hex&gt;</c>, the BLAKE3 of the record's canonical JSON
/// (every field but the id; see <see cref="ComputeId"/>), which the store checks on insert. <see cref="CreatedAt"/> is
/// hashed too, so each start of a run gets its own id. Build instances with <see cref="Create"/>, which canonicalizes
/// the optimizer settings and computes the id. Never holds secrets: the endpoint is stored without user info, query or
/// fragment (API keys belong in the environment).
/// </para>
/// </remarks>
public sealed record RunRecord
{
    private readonly DateTimeOffset _createdAt;
    private readonly IReadOnlyList<FunctionId> _pinFunctionIds = ReadOnlyLists.Empty<FunctionId>();
    private readonly IReadOnlyList<string> _models = ReadOnlyLists.Empty<string>();

    /// <summary>The run's identity, <c>run://b3:&lt;digest&gt;</c> over its canonical JSON.</summary>
    public required RunId Id { get; init; }

    /// <summary>The spec the run works in, for example <c>quickstart</c>.</summary>
    public required string Spec { get; init; }

    /// <summary>The named workspace the run writes its candidates to (<c>--name</c>), for example <c>v1</c>.</summary>
    public required string Workspace { get; init; }

    /// <summary>The optimizer's name (<c>--optimizer</c>), for example <c>alphaevolve</c>.</summary>
    public required string Optimizer { get; init; }

    /// <summary>The optimizer's settings as canonical JSON text of an object (<c>{}</c> when there are none).</summary>
    public required string OptimizerSettings { get; init; }

    /// <summary>The seed every random choice of the strategy is drawn from (<c>--seed</c>).</summary>
    public required long Seed { get; init; }

    /// <summary>The number of trials the run makes (<c>--niter</c>); its trials are numbered 0 to this minus one.</summary>
    public required int Iterations { get; init; }

    /// <summary>The FunctionIDs of the pins in the run's scope, in the order the run uses them. Copied on assignment.</summary>
    public required IReadOnlyList<FunctionId> PinFunctionIds
    {
        get => _pinFunctionIds;
        init => _pinFunctionIds = ReadOnlyLists.Freeze(value, nameof(PinFunctionIds));
    }

    /// <summary>The digest of the sample set candidates are evaluated on (for example <c>b3:&lt;hex&gt;</c>).</summary>
    public required string SampleSetDigest { get; init; }

    /// <summary>The digest identifying the evaluator and its configuration.</summary>
    public required string EvaluatorDigest { get; init; }

    /// <summary>
    /// The generator endpoint's base URL (<c>http</c> or <c>https</c>, without user info, query or fragment), or
    /// <c>null</c> when the run uses no endpoint (rules only).
    /// </summary>
    public string? EndpointBaseUrl { get; init; }

    /// <summary>The model names the run may ask, in the run's order. Copied on assignment.</summary>
    public IReadOnlyList<string> Models
    {
        get => _models;
        init => _models = ReadOnlyLists.Freeze(value, nameof(Models));
    }

    /// <summary>The token budget cap (input plus output), or <c>null</c> for none.</summary>
    public long? MaxTokens { get; init; }

    /// <summary>The cost budget cap in USD, or <c>null</c> for none.</summary>
    public double? MaxCostUsd { get; init; }

    /// <summary>When the run was started; normalized to UTC on assignment.</summary>
    public required DateTimeOffset CreatedAt
    {
        get => _createdAt;
        init => _createdAt = value.ToUniversalTime();
    }

    /// <summary>The version of the tool that started the run, free text (for example <c>sigil 0.4.0+1a2b3c4</c>).</summary>
    public required string ToolVersion { get; init; }

    /// <summary>
    /// Builds a run record: canonicalizes <paramref name="optimizerSettingsJson"/> (any JSON object; whitespace, key
    /// order and number spelling do not matter) and computes <see cref="Id"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="optimizerSettingsJson"/> is not a JSON object.</exception>
    public static RunRecord Create(
        string spec,
        string workspace,
        string optimizer,
        string optimizerSettingsJson,
        long seed,
        int iterations,
        IReadOnlyList<FunctionId> pinFunctionIds,
        string sampleSetDigest,
        string evaluatorDigest,
        string? endpointBaseUrl,
        IReadOnlyList<string> models,
        long? maxTokens,
        double? maxCostUsd,
        DateTimeOffset createdAt,
        string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(optimizerSettingsJson);
        var settings = JsonCanonicalizer.TryCanonicalizeObject(optimizerSettingsJson, out var problem)
            ?? throw new ArgumentException($"The optimizer settings are not a JSON object: {problem}", nameof(optimizerSettingsJson));
        var record = new RunRecord
        {
            Id = new RunId(string.Empty),
            Spec = spec ?? throw new ArgumentNullException(nameof(spec)),
            Workspace = workspace ?? throw new ArgumentNullException(nameof(workspace)),
            Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer)),
            OptimizerSettings = settings,
            Seed = seed,
            Iterations = iterations,
            PinFunctionIds = pinFunctionIds,
            SampleSetDigest = sampleSetDigest ?? throw new ArgumentNullException(nameof(sampleSetDigest)),
            EvaluatorDigest = evaluatorDigest ?? throw new ArgumentNullException(nameof(evaluatorDigest)),
            EndpointBaseUrl = endpointBaseUrl,
            Models = models,
            MaxTokens = maxTokens,
            MaxCostUsd = maxCostUsd,
            CreatedAt = createdAt,
            ToolVersion = toolVersion ?? throw new ArgumentNullException(nameof(toolVersion)),
        };
        return record with { Id = record.ComputeId() };
    }

    /// <summary>The id recomputed from the content; equal to <see cref="Id"/> when the record is intact.</summary>
    public RunId ComputeId() => new(Blake3Digest.Hex(ToCanonicalJson()));

    /// <summary>
    /// The canonical JSON (UTF-8) the id is computed over: every field but the id, keys sorted, no whitespace, under
    /// the schema tag <c>sigil/run@1</c>.
    /// </summary>
    public byte[] ToCanonicalJson() => CanonicalJson.Serialize(RunJson.RunBody(this));

    /// <inheritdoc />
    public bool Equals(RunRecord? other) =>
        other is not null
        && Id == other.Id
        && Spec == other.Spec
        && Workspace == other.Workspace
        && Optimizer == other.Optimizer
        && OptimizerSettings == other.OptimizerSettings
        && Seed == other.Seed
        && Iterations == other.Iterations
        && PinFunctionIds.SequenceEqual(other.PinFunctionIds)
        && SampleSetDigest == other.SampleSetDigest
        && EvaluatorDigest == other.EvaluatorDigest
        && EndpointBaseUrl == other.EndpointBaseUrl
        && Models.SequenceEqual(other.Models, StringComparer.Ordinal)
        && MaxTokens == other.MaxTokens
        && Nullable.Equals(MaxCostUsd, other.MaxCostUsd)
        && CreatedAt == other.CreatedAt
        && ToolVersion == other.ToolVersion;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Spec, Workspace, CreatedAt);
}
