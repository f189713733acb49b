using System.Text.RegularExpressions;

namespace Sigil.Workspace.Archive;

/// <summary>The entry names of the archive format and the path-safety rules applied before anything else.</summary>
internal static partial class ArchiveEntryNames
{
    public const string Manifest = "manifest.json";
    public const string CandidatesFolder = "candidates/";
    public const string EvaluationsFolder = "evaluations/";
    public const string MembershipsFolder = "memberships/";
    public const string ArtifactsFolder = "artifacts/";
    public const string RunsFolder = "runs/";
    public const string TrialsFolder = "trials/";

    public static string Candidate(string hex) => CandidatesFolder + hex + ".json";

    public static string Evaluation(string hex) => EvaluationsFolder + hex + ".json";

    public static string Membership(string hex) => MembershipsFolder + hex + ".json";

    public static string Artifact(string hex) => ArtifactsFolder + hex;

    public static string Run(string hex) => RunsFolder + hex + ".json";

    public static string Trial(string hex) => TrialsFolder + hex + ".json";

    /// <summary>What the format holds, in words, for messages.</summary>
    public const string Expected =
        "manifest.json, candidates/<hex>.json, memberships/<hex>.json, evaluations/<hex>.json, runs/<hex>.json, trials/<hex>.json or artifacts/<hex>";

    /// <summary>True when <paramref name="name"/> is one of the format's folders (<c>candidates/</c>...), with or without the slash.</summary>
    public static bool IsFolder(string name) =>
        name.TrimEnd('/') + "/" is CandidatesFolder or MembershipsFolder or EvaluationsFolder or ArtifactsFolder or RunsFolder or TrialsFolder;

    /// <summary>Why <paramref name="name"/> is unsafe to use as a path (absolute, traversal, backslash...), or <c>null</c>.</summary>
    public static string? UnsafeReason(string name)
    {
        if (name.Length == 0)
        {
            return "has an empty name";
        }
        if (name.Any(char.IsControl))
        {
            return "has control characters in its name";
        }
        if (name.StartsWith('/') || name.Contains(':') || Path.IsPathRooted(name))
        {
            return "has an absolute path";
        }
        if (name.Contains('\\'))
        {
            return "has a backslash in its path";
        }
        return name.Split('/').Any(segment => segment is ".." or "." or "")
            ? "has a path that climbs out of or around the archive ('..', '.' or an empty segment)"
            : null;
    }

    /// <summary>The kind of a safe entry name, or <c>null</c> when the format has no such entry.</summary>
    public static ArchiveEntryKind? Classify(string name)
    {
        if (name == Manifest)
        {
            return ArchiveEntryKind.Manifest;
        }
        var match = EntryPattern().Match(name);
        if (!match.Success)
        {
            return null;
        }
        return match.Groups["folder"].Value switch
        {
            "candidates" when match.Groups["json"].Success => ArchiveEntryKind.Candidate,
            "evaluations" when match.Groups["json"].Success => ArchiveEntryKind.Evaluation,
            "memberships" when match.Groups["json"].Success => ArchiveEntryKind.Membership,
            "runs" when match.Groups["json"].Success => ArchiveEntryKind.Run,
            "trials" when match.Groups["json"].Success => ArchiveEntryKind.Trial,
            "artifacts" when !match.Groups["json"].Success => ArchiveEntryKind.Artifact,
            _ => null,
        };
    }

    /// <summary>The hex digest an entry name carries (<c>candidates/&lt;hex&gt;.json</c> gives <c>&lt;hex&gt;</c>).</summary>
    public static string DigestOf(string name) => EntryPattern().Match(name).Groups["hex"].Value;

    [GeneratedRegex("^(?<folder>candidates|memberships|evaluations|artifacts|runs|trials)/(?<hex>[0-9a-f]{64})(?<json>\\.json)?\\z")]
    private static partial Regex EntryPattern();
}
