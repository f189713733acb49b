using System.Text.Json;
using Sigil.Core.Identity;
using Sigil.Manifests.Json;

namespace Sigil.Manifests.Model.Parsing;

/// <summary>Reads <c>pins</c>: at least one, functions unique, each with candidate, metrics and evidence.</summary>
internal static class PinReader
{
    public static List<ManifestPin> ReadAll(JsonElement array, string path)
    {
        var pins = new List<ManifestPin>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in array.EnumerateArray())
        {
            var pinPath = $"{path}[{pins.Count}]";
            var pin = Read(new JsonObjectReader(item, pinPath));
            var key = pin.FunctionId.ToString();
            if (!seen.TryAdd(key, pins.Count))
            {
                throw new JsonShapeException($"{pinPath}.function_id",
                    $"{key} is already pinned by {path}[{seen[key]}]; a manifest binds each function to one candidate.");
            }
            pins.Add(pin);
        }
        return pins.Count > 0 ? pins : throw new JsonShapeException(path, "is empty; a manifest pins at least one function.");
    }

    private static ManifestPin Read(JsonObjectReader reader)
    {
        var functionId = ParseIdentity(reader, "function_id", FunctionId.Parse);
        var candidate = ParseIdentity(reader, "candidate", CandidateId.Parse);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value, path) in reader.Object("metrics").Members())
        {
            MetricName.Check(name, path);
            metrics.Add(name, JsonValues.Number(value, path));
        }
        var evidence = ReadEvidence(reader.Object("evidence"));
        var artifact = reader.OptionalObject("artifact") is { } artifactReader ? ReadArtifact(artifactReader) : null;
        reader.EnsureNothingElse("a pin {function_id, candidate, metrics, evidence, artifact?}");
        return new ManifestPin(functionId, candidate, metrics, evidence, artifact);
    }

    private static T ParseIdentity<T>(JsonObjectReader reader, string name, Func<string, T> parse)
    {
        var text = reader.String(name);
        try
        {
            return parse(text);
        }
        catch (IdentityFormatException e)
        {
            throw new JsonShapeException(reader.PathOf(name), e.Message);
        }
    }

    private static PinEvidence ReadEvidence(JsonObjectReader reader)
    {
        var trials = reader.Integer("n_trials", minimum: 1);
        var intervals = new Dictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        foreach (var (name, value, path) in reader.Object("ci").Members())
        {
            MetricName.Check(name, path);
            intervals.Add(name, ReadInterval(JsonValues.Array(value, path), path));
        }
        reader.EnsureNothingElse("evidence {n_trials, ci}");
        return new PinEvidence(trials, intervals);
    }

    private static PinArtifact ReadArtifact(JsonObjectReader reader)
    {
        var digest = DigestUri.Check(reader.String("digest"), PinArtifact.DigestPrefix, reader.PathOf("digest"));
        var entryType = reader.String("entry_type");
        if (entryType.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or ',' or '[' or ']'))
        {
            throw new JsonShapeException(reader.PathOf("entry_type"), $"'{entryType}' is not a type's metadata name (e.g. Shop.SigilCandidateMethod).");
        }
        var size = reader.Integer("size", minimum: 1);
        reader.EnsureNothingElse("an artifact {digest, entry_type, size}");
        return new PinArtifact(digest, entryType, size);
    }

    private static ConfidenceInterval ReadInterval(JsonElement array, string path)
    {
        if (array.GetArrayLength() != 2)
        {
            throw new JsonShapeException(path, $"has {array.GetArrayLength()} elements; a confidence interval is [low, high].");
        }
        var low = JsonValues.Number(array[0], $"{path}[0]");
        var high = JsonValues.Number(array[1], $"{path}[1]");
        return low <= high ? new ConfidenceInterval(low, high) : throw new JsonShapeException(path, $"low {low} is above high {high}.");
    }
}
