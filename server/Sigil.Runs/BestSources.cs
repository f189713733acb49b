using Sigil.Candidates.Applying;
using Sigil.Candidates.Building;
using Sigil.Evaluation.Compilation;
using Sigil.Runs.Pins;
using Sigil.Runs.Trials;

namespace Sigil.Runs;

/// <summary>
/// Writes the run's best code as the spec's example shows it: <c>.sigil/ws/&lt;spec&gt;/&lt;workspace&gt;/&lt;file&gt;</c>,
/// each changed file with every pin's best method in place (a pin without a feasible improvement keeps its baseline).
/// A view for people; the workspace's diffs stay the record.
/// </summary>
internal static class BestSources
{
    public static string? Materialize(RunRequest request, ProjectSession session, IReadOnlyList<PinInfo> pins, IReadOnlyList<IReadOnlyDictionary<string, string>?> bests)
    {
        var sources = session.Sources;
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pins.Count; i++)
        {
            if (bests[i] is not { } best)
            {
                continue;
            }
            var method = MethodSourceFinder.Find(best[pins[i].SourceFile], pins[i]);
            if (method is null)
            {
                continue;
            }
            if (CandidateBuilder.Build(sources, PinTarget.For(pins[i].SourceFile, pins[i].FunctionId), "```csharp\n" + method + "\n```") is Candidate merged)
            {
                sources = merged.ApplyTo(sources);
                changed.UnionWith(merged.Files.Select(f => f.Path));
            }
        }
        if (changed.Count == 0)
        {
            return null;
        }
        var folder = Path.Combine(request.SigilDirectory, "ws", request.Spec, request.Workspace);
        foreach (var path in changed)
        {
            var target = Path.GetFullPath(Path.Combine(folder, path));
            if (!target.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, sources[path]);
        }
        return folder;
    }
}
