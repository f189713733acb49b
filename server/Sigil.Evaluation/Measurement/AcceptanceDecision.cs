namespace Sigil.Evaluation.Measurement;

/// <summary>Whether a candidate is accepted as an improvement, and exactly why.</summary>
/// <param name="Accepted">True when every gate passed and the objective's improvement is supported.</param>
/// <param name="Reason">The decisive reason in words: the first failed check, or what supports the acceptance.</param>
/// <param name="FailureKind">A <see cref="FailureKinds"/> word when rejected; null when accepted.</param>
/// <param name="Reasons">Every failed check in order (when rejected), or every supporting statement (when accepted).</param>
/// <param name="Timing">The paired timing, when rounds were timed and could be compared.</param>
/// <param name="Scores">The paired scores, when scores were given.</param>
public sealed record AcceptanceDecision(
    bool Accepted,
    string Reason,
    string? FailureKind,
    IReadOnlyList<string> Reasons,
    TimingComparison? Timing,
    ScoreComparison? Scores);
