using Sigil;

// A spec: a named group of pins tracked, run and evaluated together. StoreRawInputs lets the tracker keep the
// raw argument values so `sigil run` can replay them; without it only sketches (type, size, hash, summaries) are kept.
[assembly: Spec("quickstart", Description = "Square roots and sums of squares, the classic Sigil example", StoreRawInputs = true)]
