using System.Text.Json;

namespace Sigil.Runs.Inspection;

/// <summary>
/// How often each candidate has been served by the runtime resolver: the sum, over the per-process files the resolver
/// keeps in <c>.sigil/resolver/usage/*.json</c> (schema <c>sigil/usage@0</c>), of each candidate's calls. Damaged or
/// half-written files are skipped (and counted in <see cref="Result.Skipped"/>), never fatal.
/// </summary>
public static class ServedUsage
{
    /// <summary>Calls by candidate id, and how many files were unreadable.</summary>
    public sealed record Result(IReadOnlyDictionary<string, long> Calls, int Files, int Skipped);

    /// <summary>Reads the usage files of the project whose <c>.sigil</c> folder is <paramref name="sigilDirectory"/>.</summary>
    public static Result Read(string sigilDirectory)
    {
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        var folder = Path.Combine(sigilDirectory, "resolver", "usage");
        if (!Directory.Exists(folder))
        {
            return new Result(calls, 0, 0);
        }
        int files = 0, skipped = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            files++;
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                var root = document.RootElement;
                if (!root.TryGetProperty("schema", out var schema) || schema.GetString() != "sigil/usage@0" || !root.TryGetProperty("pins", out var pins))
                {
                    skipped++;
                    continue;
                }
                foreach (var pin in pins.EnumerateArray())
                {
                    var candidate = pin.GetProperty("candidate").GetString();
                    var count = pin.GetProperty("calls").GetInt64();
                    if (candidate is not null && count >= 0)
                    {
                        calls[candidate] = calls.GetValueOrDefault(candidate) + count;
                    }
                }
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                skipped++;
            }
        }
        return new Result(calls, files, skipped);
    }
}
