using Sigil.Candidates;

namespace Sigil.Optimizers.Generators;

/// <summary>Why an earlier proposal failed, to be fixed by the next one.</summary>
/// <param name="Kind">The classification: a <see cref="CandidateFailureKind"/> name, or a compile/evaluation class (<c>CompileError</c>, <c>WrongResult</c>…).</param>
/// <param name="Message">The message written for the generator (diagnostics, closest lines, the differing output).</param>
public sealed record PreviousFailure(string Kind, string Message)
{
    /// <summary>The failure of an answer that did not become a candidate.</summary>
    public static PreviousFailure From(CandidateFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new PreviousFailure(failure.Kind.ToString(), failure.Message);
    }
}
