namespace Sigil.Runs;

/// <summary>What a run reports as it goes (for a progress bar or <c>$/progress</c>).</summary>
/// <param name="Phase">What it is doing: <c>opening</c>, <c>baseline</c>, <c>searching</c>, <c>done</c>.</param>
/// <param name="Pin">The pin being improved (its qualified name), when there is one.</param>
/// <param name="PinIndex">1-based index of the pin among <paramref name="PinCount"/>.</param>
/// <param name="PinCount">Pins in the run.</param>
/// <param name="Trial">Trials made for this pin.</param>
/// <param name="Trials">Trials planned for this pin.</param>
/// <param name="BestFitness">The best feasible fitness so far for this pin (the baseline's until a candidate beats it).</param>
/// <param name="SpentUsd">USD spent by the run.</param>
/// <param name="SpentTokens">Tokens used by the run.</param>
/// <param name="Message">The last event in words.</param>
public sealed record RunProgress(
    string Phase,
    string? Pin,
    int PinIndex,
    int PinCount,
    int Trial,
    int Trials,
    double? BestFitness,
    decimal SpentUsd,
    long SpentTokens,
    string Message);
