using Sigil;

[assembly: Spec("served", Description = "Pins served from a signed manifest by the resolver benchmarks")]
