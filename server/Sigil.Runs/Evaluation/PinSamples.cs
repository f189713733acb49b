using Sigil.Evaluation.Sandbox;

namespace Sigil.Runs.Evaluation;

/// <summary>The sandbox contexts of one pin: the visible samples (search) and the holdout (acceptance), with their digests.</summary>
/// <param name="Visible">The samples shown to generators and used for fitness.</param>
/// <param name="VisibleDigest">The digest of the visible part of the sample set.</param>
/// <param name="Holdout">The held-out samples, or <c>null</c> when there are none.</param>
/// <param name="HoldoutDigest">The digest of the holdout part.</param>
/// <param name="HasEval">True when the pin has an eval function (scores are measured).</param>
internal sealed record PinSamples(SandboxContext Visible, string VisibleDigest, SandboxContext? Holdout, string? HoldoutDigest, bool HasEval);
