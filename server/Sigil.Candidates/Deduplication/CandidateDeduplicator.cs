using Sigil.Candidates.Building;
using Sigil.Core.Identity;

namespace Sigil.Candidates.Deduplication;

/// <summary>
/// The candidates a run has seen, keyed by <see cref="CandidateId"/> and by normalized key, so that no candidate (the
/// same digest, or the same normalized syntax) is evaluated twice. In memory and thread-safe; seed it from the
/// workspace when a run resumes (<see cref="Add(CandidateId, string)"/> with
/// <see cref="CandidateBuilder.ComputeNormalizedKey"/> of each stored AST patch).
/// </summary>
public sealed class CandidateDeduplicator
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CandidateId, CandidateId> _ids = [];
    private readonly Dictionary<string, CandidateId> _keys = new(StringComparer.Ordinal);

    /// <summary>How many distinct normalized keys have been recorded.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _keys.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="candidate"/> was seen before, without recording it.</summary>
    public DuplicateCheck Check(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Check(candidate.Id, candidate.NormalizedKey);
    }

    /// <summary>Whether a candidate with this id or normalized key was seen before, without recording it.</summary>
    public DuplicateCheck Check(CandidateId id, string normalizedKey)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(normalizedKey);
        lock (_gate)
        {
            return CheckLocked(id, normalizedKey);
        }
    }

    /// <summary>
    /// Checks and records <paramref name="candidate"/> in one step: <see cref="DuplicateKind.None"/> means it is new (and
    /// is now recorded), so the caller evaluates it; otherwise skip it.
    /// </summary>
    public DuplicateCheck CheckAndAdd(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return CheckAndAdd(candidate.Id, candidate.NormalizedKey);
    }

    /// <summary>Checks and records a candidate by its keys (see <see cref="CheckAndAdd(Candidate)"/>).</summary>
    public DuplicateCheck CheckAndAdd(CandidateId id, string normalizedKey)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(normalizedKey);
        lock (_gate)
        {
            var check = CheckLocked(id, normalizedKey);
            var first = check.FirstSeen ?? id;
            _ids.TryAdd(id, first);
            _keys.TryAdd(normalizedKey, first);
            return check;
        }
    }

    /// <summary>Records a candidate seen earlier (for example one stored in the workspace); recording twice is harmless.</summary>
    public void Add(CandidateId id, string normalizedKey) => CheckAndAdd(id, normalizedKey);

    private DuplicateCheck CheckLocked(CandidateId id, string normalizedKey)
    {
        if (_ids.TryGetValue(id, out var byId))
        {
            return new DuplicateCheck(DuplicateKind.SameCandidateId, byId);
        }
        return _keys.TryGetValue(normalizedKey, out var byKey)
            ? new DuplicateCheck(DuplicateKind.SameNormalizedKey, byKey)
            : DuplicateCheck.New;
    }
}
