using Sigil.Core.Identity;
using Sigil.Optimizers.Strategies;

namespace Sigil.Runs.Trials;

/// <summary>A program of the run with what it takes to build on it: every source text of the project in that program.</summary>
/// <param name="Program">The program as strategies see it.</param>
/// <param name="Sources">The project's sources with the program's changes applied.</param>
/// <param name="CandidateId">The candidate's id; <c>null</c> for the baseline.</param>
internal sealed record ProgramState(SearchProgram Program, IReadOnlyDictionary<string, string> Sources, CandidateId? CandidateId);
