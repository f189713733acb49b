namespace Sigil.Evaluation.Sandbox;

/// <summary>Counters of a <see cref="WorkerPool"/> since it was made.</summary>
/// <param name="WorkersStarted">Worker processes started (the first ones and every replacement).</param>
/// <param name="WorkersReplaced">Workers killed and replaced after a timeout, crash, memory exhaustion, exit or protocol violation.</param>
/// <param name="CandidatesSent">Candidates sent to a worker (policy violations never are).</param>
/// <param name="PolicyRejections">Candidates rejected by the API policy before any worker saw them.</param>
/// <param name="LastStartupTime">How long the most recently started worker took from launch to ready (cold start); null before the first.</param>
public sealed record WorkerPoolStatistics(int WorkersStarted, int WorkersReplaced, int CandidatesSent, int PolicyRejections, TimeSpan? LastStartupTime);
