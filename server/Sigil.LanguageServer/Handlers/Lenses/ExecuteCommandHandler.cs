using System.Text.Json;
using Sigil.LanguageServer.Handlers.Candidates;
using Sigil.LanguageServer.Handlers.Runs;
using Sigil.LanguageServer.Handlers.Tracker;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol.Candidates;
using Sigil.Protocol.Commands;
using Sigil.Protocol.Lsp;
using Sigil.Protocol.Runs;
using Sigil.Protocol.Tracker;
using Sigil.Runtime.Tracking;

namespace Sigil.LanguageServer.Handlers.Lenses;

/// <summary>
/// <c>workspace/executeCommand</c> for the lens commands, through the same handlers as the custom requests:
/// <c>sigil.improve</c> starts a run on the pin with <c>sigil run</c>'s defaults, <c>sigil.candidates.show</c> lists the
/// pin's candidates, <c>sigil.tracker.toggle</c> switches the tracker.
/// </summary>
internal sealed class ExecuteCommandHandler(
    ServerState state, RunStartHandler runStart, CandidatesListHandler candidates, TrackerStartHandler trackerStart, TrackerStopHandler trackerStop)
    : IRequestHandler<ExecuteCommandParams, object?>
{
    /// <inheritdoc />
    public string Method => LspMethods.ExecuteCommand;

    /// <inheritdoc />
    public async Task<object?> HandleAsync(ExecuteCommandParams parameters, CancellationToken ct)
    {
        switch (parameters.Command)
        {
            case SigilCommands.Improve:
                var pin = Pin(parameters);
                return await runStart.HandleAsync(new RunStartParams
                {
                    Spec = pin.Spec,
                    Workspace = pin.Workspace,
                    Pin = PinFilter(pin.Pin),
                }, ct).ConfigureAwait(false);
            case SigilCommands.ShowCandidates:
                var shown = Pin(parameters);
                return await candidates.HandleAsync(new CandidatesListParams { Spec = shown.Spec, Pin = shown.Pin }, ct).ConfigureAwait(false);
            case SigilCommands.ToggleTracker:
                var on = TrackerState.Read(ProjectContext.Require(state).SigilDirectory).Enabled;
                return on
                    ? await trackerStop.HandleAsync(new TrackerParams(), ct).ConfigureAwait(false)
                    : await trackerStart.HandleAsync(new TrackerParams(), ct).ConfigureAwait(false);
            default:
                throw RequestException.InvalidParams($"Unknown command '{parameters.Command}'; the server executes {string.Join(", ", SigilCommands.All)}.");
        }
    }

    /// <summary>The run's pin filter: the qualname up to its parameters, which syntax may spell differently from the build.</summary>
    private static string PinFilter(string qualifiedName)
    {
        var open = qualifiedName.IndexOf('(');
        return open < 0 ? qualifiedName : qualifiedName[..(open + 1)];
    }

    private static PinCommandArguments Pin(ExecuteCommandParams parameters)
    {
        if (parameters.Arguments is not [var first, ..] || first.ValueKind != JsonValueKind.Object)
        {
            throw RequestException.InvalidParams($"'{parameters.Command}' takes one argument object {{\"pin\", \"spec\", \"workspace\"}}, as the lens carries it.");
        }
        PinCommandArguments? arguments;
        try
        {
            arguments = first.Deserialize<PinCommandArguments>();
        }
        catch (JsonException e)
        {
            throw RequestException.InvalidParams($"'{parameters.Command}': the argument is not a pin ({e.Message}).");
        }
        if (arguments is null || string.IsNullOrWhiteSpace(arguments.Pin) || string.IsNullOrWhiteSpace(arguments.Spec))
        {
            throw RequestException.InvalidParams($"'{parameters.Command}': the argument needs \"pin\" and \"spec\" (a pin whose spec is not a string literal cannot be run from a lens).");
        }
        return arguments;
    }
}
