namespace Sigil.Evaluation.Samples;

/// <summary>The two disjoint parts of a <see cref="SampleSet"/>.</summary>
public enum SamplePart
{
    /// <summary>Shown to the generator (sketches in prompts) and used to evaluate candidates during the search.</summary>
    Visible,

    /// <summary>Never shown to the generator: the final check that a gain is not fitted to the visible samples.</summary>
    Holdout,
}
