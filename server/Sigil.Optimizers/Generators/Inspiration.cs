namespace Sigil.Optimizers.Generators;

/// <summary>Another candidate's version of the method, shown to the generator as an idea to borrow from.</summary>
/// <param name="Source">The candidate's method source.</param>
/// <param name="Score">Its score, if evaluated.</param>
/// <param name="Label">A short label (its CandidateID, its cell), if any.</param>
public sealed record Inspiration(string Source, double? Score = null, string? Label = null);
