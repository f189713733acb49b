using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Serialization;

namespace Sigil.Workspace.Model;

/// <summary>
/// One evaluation of a candidate by one evaluator on one sample set. A candidate has many; they are never changed.
/// </summary>
/// <remarks>
/// Content-addressed: <see cref="Id"/> is <c>b3:&lt;hex&gt;</c>, the BLAKE3 of the record's canonical JSON (every
/// field but the id; see <see cref="ComputeId"/>), which the store checks on insert. Build instances with
/// <see cref="Create"/>, which computes the id.
/// </remarks>
public sealed record EvaluationRecord
{
    /// <summary>The prefix of evaluation ids.</summary>
    public const string IdPrefix = "b3:";

    private readonly DateTimeOffset _createdAt;
    private readonly IReadOnlyDictionary<string, double> _metrics = ReadOnlyMaps.Empty<double>();

    /// <summary>The evaluation's identity, <c>b3:&lt;hex&gt;</c> over its canonical JSON.</summary>
    public required string Id { get; init; }

    /// <summary>The candidate evaluated.</summary>
    public required CandidateId CandidateId { get; init; }

    /// <summary>The evaluator's name, for example <c>accuracy</c>.</summary>
    public required string Evaluator { get; init; }

    /// <summary>The evaluator's version, for example <c>3</c>.</summary>
    public required string EvaluatorVersion { get; init; }

    /// <summary>The digest of the sample set the candidate ran on (for example <c>b3:&lt;hex&gt;</c>), so runs can be paired.</summary>
    public required string SampleSetDigest { get; init; }

    /// <summary>Metric name to value (accuracy, latency quantiles, resources...). Copied and sorted by ordinal key on assignment.</summary>
    public IReadOnlyDictionary<string, double> Metrics
    {
        get => _metrics;
        init => _metrics = ReadOnlyMaps.Freeze(value, nameof(Metrics));
    }

    /// <summary>Whether the candidate passed the evaluator's correctness checks.</summary>
    public required bool Correct { get; init; }

    /// <summary>The class of error the candidate hit (for example <c>timeout</c>, <c>exception</c>), or <c>null</c>.</summary>
    public string? ErrorClass { get; init; }

    /// <summary>When the evaluation ran; normalized to UTC on assignment.</summary>
    public required DateTimeOffset CreatedAt
    {
        get => _createdAt;
        init => _createdAt = value.ToUniversalTime();
    }

    /// <summary>Builds an evaluation record, computing <see cref="Id"/>.</summary>
    public static EvaluationRecord Create(
        CandidateId candidateId,
        string evaluator,
        string evaluatorVersion,
        string sampleSetDigest,
        IReadOnlyDictionary<string, double> metrics,
        bool correct,
        string? errorClass,
        DateTimeOffset createdAt)
    {
        var record = new EvaluationRecord
        {
            Id = string.Empty,
            CandidateId = candidateId ?? throw new ArgumentNullException(nameof(candidateId)),
            Evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator)),
            EvaluatorVersion = evaluatorVersion ?? throw new ArgumentNullException(nameof(evaluatorVersion)),
            SampleSetDigest = sampleSetDigest ?? throw new ArgumentNullException(nameof(sampleSetDigest)),
            Metrics = metrics,
            Correct = correct,
            ErrorClass = errorClass,
            CreatedAt = createdAt,
        };
        return record with { Id = record.ComputeId() };
    }

    /// <summary>
    /// The id recomputed from the content: <c>b3:</c> and the BLAKE3 of <see cref="ToCanonicalJson"/>. Equal to
    /// <see cref="Id"/> when the record is intact.
    /// </summary>
    public string ComputeId() => IdPrefix + Blake3Digest.Hex(ToCanonicalJson());

    /// <summary>
    /// The canonical JSON (UTF-8) the id is computed over: every field but the id, keys sorted, no whitespace, under
    /// the schema tag <c>sigil/evaluation@1</c>.
    /// </summary>
    public byte[] ToCanonicalJson() => CanonicalJson.Serialize(RecordJson.EvaluationBody(this));

    /// <inheritdoc />
    public bool Equals(EvaluationRecord? other) =>
        other is not null
        && Id == other.Id
        && CandidateId == other.CandidateId
        && Evaluator == other.Evaluator
        && EvaluatorVersion == other.EvaluatorVersion
        && SampleSetDigest == other.SampleSetDigest
        && ReadOnlyMaps.ContentEquals(Metrics, other.Metrics)
        && Correct == other.Correct
        && ErrorClass == other.ErrorClass
        && CreatedAt == other.CreatedAt;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, CandidateId);
}
