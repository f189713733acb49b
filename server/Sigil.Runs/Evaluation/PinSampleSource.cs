using Sigil.Core.Identity;
using Sigil.Evaluation.Samples;
using Sigil.Runs.Pins;
using Sigil.Tracking.Query;

namespace Sigil.Runs.Evaluation;

/// <summary>
/// The sample set of a pin: tracked calls of the same function (package, qualified name and abi-hash; the git commit
/// may differ, since tracking usually happened at an earlier commit of the same code), raw inputs replayable.
/// </summary>
internal static class PinSampleSource
{
    public static SampleSet Build(SampleLog log, PinInfo pin, RunRequest request)
    {
        var calls = log.Summarize()
            .SelectMany(s => s.CallsByFunction)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
        var sameCode = calls.Keys
            .Select(key => (key, id: FunctionId.TryParse(key, out var id) ? id : null))
            .Where(x => x.id is not null && SameFunction(x.id, pin.FunctionId))
            .ToList();
        if (sameCode.Count == 0)
        {
            var olderCode = calls.Keys.Any(key => FunctionId.TryParse(key, out var id) && id!.QualifiedName == pin.FunctionId.QualifiedName && id.Package == pin.FunctionId.Package);
            throw new RunException(olderCode
                ? $"The tracked calls of {pin.DisplayName} are of an older version of its code (the abi-hash changed); track again: 'sigil tracker start', run the app, 'sigil tracker stop'."
                : $"No tracked calls of {pin.DisplayName} in {log.SigilDirectory}: run 'sigil tracker start', exercise the app, then 'sigil tracker stop'.");
        }
        var chosen = sameCode.FirstOrDefault(x => x.key == pin.FunctionId.ToString()).key
            ?? sameCode.OrderByDescending(x => calls[x.key]).ThenBy(x => x.key, StringComparer.Ordinal).First().key;
        try
        {
            return SampleSetBuilder.Build(log, new SampleSelection
            {
                FunctionId = chosen,
                ParameterNames = pin.ParameterNames,
                MaxSamples = request.MaxSamples,
                HoldoutShare = request.HoldoutShare,
                Seed = request.Seed,
            });
        }
        catch (SampleSetException e)
        {
            throw new RunException($"{pin.DisplayName}: {e.Message}", e);
        }
    }

    private static bool SameFunction(FunctionId a, FunctionId b) =>
        a.Package == b.Package && a.Module == b.Module && a.QualifiedName == b.QualifiedName && a.AbiHash == b.AbiHash;
}
