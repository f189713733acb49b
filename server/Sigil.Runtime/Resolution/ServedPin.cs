namespace Sigil.Runtime.Resolution;

/// <summary>A pin served by a candidate, and how many calls it has served in this process.</summary>
/// <param name="FunctionId">The pin's FunctionID as the running build has it.</param>
/// <param name="CandidateId">The candidate served (<c>diff://b3:…</c>).</param>
/// <param name="ManifestId">The manifest that approved it, or null for a dev override.</param>
/// <param name="Calls">Calls served so far.</param>
public sealed record ServedPin(string FunctionId, string CandidateId, string? ManifestId, long Calls);
