using Sigil.LanguageServer.State;
using Sigil.Protocol.Commands;
using Sigil.Protocol.Lsp;
using Sigil.Runtime.Tracking;
using Sigil.Runs.Inspection;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// The lenses over every <c>[Improve]</c> method of a document: "Improve this method" (<c>sigil.improve</c>), the
/// candidates and the best speedup from the workspace store (<c>sigil.candidates.show</c>), and the tracker's state
/// (<c>sigil.tracker.toggle</c>). The store lenses need a project; the first lens is always there.
/// </summary>
internal sealed class LensBuilder(ServerState state, SolutionsCache solutions)
{
    /// <summary>The lenses of <paramref name="document"/>.</summary>
    public IReadOnlyList<CodeLens> Build(OpenDocument document)
    {
        if (!document.IsCSharp)
        {
            return [];
        }
        var tree = PinScanner.Parse(document.Text);
        var pins = PinScanner.Scan(tree);
        if (pins.Count == 0)
        {
            return [];
        }
        var project = state.Project;
        var rows = project is null ? null : solutions.Rows(project, pins.Select(p => new PinRowsKey(p.Spec, p.NamePrefix)));
        var tracker = project is null ? (bool?)null : TrackerState.Read(project.SigilDirectory).Enabled;
        var lenses = new List<CodeLens>(pins.Count * 3);
        foreach (var pin in pins)
        {
            var range = LineMap.FirstLine(tree, pin.Method.Span);
            var candidates = rows is null ? [] : rows[new PinRowsKey(pin.Spec, pin.NamePrefix)];
            var (matched, qualifiedName) = PinRowMatcher.Match(pin, document.Text, candidates);
            var arguments = new PinCommandArguments { Pin = qualifiedName, Spec = pin.Spec ?? "", Workspace = pin.Workspace, Uri = document.Uri };
            lenses.Add(Lens(range, LensTitles.Improve, SigilCommands.Improve, arguments));
            if (project is not null)
            {
                lenses.Add(Lens(range, LensTitles.Candidates(matched), SigilCommands.ShowCandidates, arguments));
                lenses.Add(Lens(range, LensTitles.Tracker(tracker == true), SigilCommands.ToggleTracker, null));
            }
        }
        return lenses;
    }

    private static CodeLens Lens(Sigil.Protocol.Lsp.Range range, string title, string command, object? argument) => new()
    {
        Range = range,
        Command = new Command { Title = title, Name = command, Arguments = argument is null ? null : [argument] },
    };
}
