using Sigil;

[assembly: Spec("bench", Description = "Call overhead of pins")]
