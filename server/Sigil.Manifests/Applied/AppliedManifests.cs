using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sigil.Manifests.Verification;

namespace Sigil.Manifests.Applied;

/// <summary>
/// <c>.sigil/resolver/applied.json</c>: per spec, the manifest a resolver last applied, so an older manifest is never
/// applied again (rollback protection). The format, shared with the runtime resolver, is one JSON object keyed by spec:
/// <c>{"quickstart": {"sequence": 3, "manifest_id": "manifest://b3:…"}}</c>. Reads validate the whole file (errors name
/// the file and the field); <see cref="Record"/> never goes back and replaces the file atomically.
/// </summary>
public sealed partial class AppliedManifests
{
    /// <summary>The file name inside <c>.sigil/resolver</c>.</summary>
    public const string FileName = "applied.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The applied-manifest record of the project whose <c>.sigil</c> folder is <paramref name="sigilDirectory"/>.</summary>
    public AppliedManifests(string sigilDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sigilDirectory);
        FilePath = Path.Combine(Path.GetFullPath(sigilDirectory), "resolver", FileName);
    }

    /// <summary>Full path of <c>applied.json</c>.</summary>
    public string FilePath { get; }

    /// <summary>Every spec's last applied manifest; empty when the file does not exist.</summary>
    /// <exception cref="AppliedManifestsException">The file is damaged.</exception>
    public IReadOnlyDictionary<string, AppliedManifest> ReadAll()
    {
        if (!File.Exists(FilePath))
        {
            return new Dictionary<string, AppliedManifest>(StringComparer.Ordinal);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllBytes(FilePath), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw Damaged("the file", $"is not valid JSON ({e.Message})");
        }
        if (root is not JsonObject specs)
        {
            throw Damaged("the file", "must be a JSON object keyed by spec");
        }
        var result = new Dictionary<string, AppliedManifest>(StringComparer.Ordinal);
        foreach (var (spec, value) in specs)
        {
            result[spec] = ReadEntry(spec, value);
        }
        return result;
    }

    /// <summary>The manifest last applied for <paramref name="spec"/>, or null when none was.</summary>
    public AppliedManifest? Find(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        return ReadAll().GetValueOrDefault(spec);
    }

    /// <summary>
    /// Records that <paramref name="applied"/> is now the spec's applied manifest. Recording the same manifest again
    /// changes nothing; a lower sequence, or the same sequence with another id, is refused and nothing is written.
    /// </summary>
    /// <exception cref="AppliedManifestsException">The record would go back, or the file is damaged.</exception>
    public void Record(string spec, AppliedManifest applied)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        ArgumentNullException.ThrowIfNull(applied);
        if (applied.Sequence < 1 || !IdPattern().IsMatch(applied.ManifestId))
        {
            throw new ArgumentException($"Not a manifest to record: sequence {applied.Sequence}, id '{applied.ManifestId}' (expected sequence ≥ 1 and manifest://b3:<64 hex>).", nameof(applied));
        }
        var all = new SortedDictionary<string, AppliedManifest>(ReadAll().ToDictionary(), StringComparer.Ordinal);
        if (all.TryGetValue(spec, out var last))
        {
            if (last == applied)
            {
                return;
            }
            if (applied.Sequence <= last.Sequence)
            {
                throw new AppliedManifestsException(
                    $"Spec '{spec}' already applied sequence {last.Sequence} ({last.ManifestId}); sequence {applied.Sequence} ({applied.ManifestId}) would go back. Promote a new manifest.");
            }
        }
        all[spec] = applied;
        var node = new JsonObject();
        foreach (var (name, entry) in all)
        {
            node[name] = new JsonObject { ["sequence"] = entry.Sequence, ["manifest_id"] = entry.ManifestId };
        }
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temporary = FilePath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temporary, node.ToJsonString(Indented) + "\n");
            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private AppliedManifest ReadEntry(string spec, JsonNode? value)
    {
        if (value is not JsonObject entry)
        {
            throw Damaged(spec, "must be an object {sequence, manifest_id}");
        }
        foreach (var (name, _) in entry)
        {
            if (name is not ("sequence" or "manifest_id"))
            {
                throw Damaged($"{spec}.{name}", "is not a field of an applied manifest {sequence, manifest_id}");
            }
        }
        long sequence;
        try
        {
            sequence = entry["sequence"]?.GetValue<long>() ?? 0;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            sequence = 0;
        }
        if (sequence < 1)
        {
            throw Damaged($"{spec}.sequence", "must be an integer ≥ 1");
        }
        var id = entry["manifest_id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) ? text : null;
        return id is not null && IdPattern().IsMatch(id)
            ? new AppliedManifest(sequence, id)
            : throw Damaged($"{spec}.manifest_id", "must be manifest://b3:<64 lowercase hex>");
    }

    private AppliedManifestsException Damaged(string path, string problem) => new(
        $"{FilePath}: {path} {problem}. The resolver keeps this file to refuse older manifests; restore it from a backup or fix it by hand.");

    [GeneratedRegex("^manifest://b3:[0-9a-f]{64}$")]
    private static partial Regex IdPattern();
}
