using Sigil.Tracking.Model;

namespace Sigil.Evaluation.Samples;

/// <summary>
/// The raw JSON of one recorded argument, when the log holds it: <see cref="ValueSummary.Raw"/> (stored where the spec
/// permits raw inputs; exact scalars carry it too), else <see cref="ValueSummary.Value"/> (booleans, stored always),
/// else <c>null</c> for a null argument. Anything else is a sketch and cannot be replayed; the reason says why, per
/// parameter, so the reasons of many records add up.
/// </summary>
internal static class ArgumentReplay
{
    /// <summary>The reason when raw inputs were not permitted.</summary>
    public const string NotPermitted = "the spec does not set StoreRawInputs = true; set it and track again";

    public static bool TryGet(SampleRecord record, string name, out string json, out string reason)
    {
        json = "";
        if (!record.Inputs.TryGetValue(name, out var value))
        {
            reason = $"the record has no input '{name}' (its inputs: {string.Join(", ", record.Inputs.Keys)}): pass the pin's parameter names in declaration order";
            return false;
        }
        if (value.Raw is { } raw)
        {
            json = raw.GetRawText();
        }
        else if (value.Value is { } exact)
        {
            json = exact.GetRawText();
        }
        else if (value.Kind == "null")
        {
            json = "null";
        }
        else
        {
            reason = value.Kind switch
            {
                "redacted" => $"'{name}' is [Sensitive]: its value is never stored, so these calls cannot be replayed",
                "unsupported" => $"'{name}' could not be recorded ({value.Note})",
                "none" => $"'{name}' has no recorded value",
                _ => $"'{name}' was stored as a sketch only: {NotPermitted}",
            };
            return false;
        }
        reason = "";
        return true;
    }
}
