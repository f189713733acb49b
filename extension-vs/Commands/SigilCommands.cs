using System;
using System.ComponentModel.Design;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.Shell;
using Microsoft.VisualStudio.Shell.Interop;
using Microsoft.VisualStudio.TextManager.Interop;
using Newtonsoft.Json.Linq;
using Sigil.Protocol;
using StreamJsonRpc;

namespace Sigil.VisualStudio.Commands;

/// <summary>
/// Tools › Sigil: each command sends one <c>sigil/*</c> request (docs/lsp-extensions.md) and shows the server's answer
/// or error message. No logic of its own: what a command does is what the server does for the VS Code extension.
/// </summary>
internal sealed class SigilCommands
{
    private readonly AsyncPackage _package;

    private SigilCommands(AsyncPackage package) => _package = package;

    public static async Task RegisterAsync(AsyncPackage package)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync(package.DisposalToken);
        var menu = (OleMenuCommandService)(await package.GetServiceAsync(typeof(IMenuCommandService)))!;
        var commands = new SigilCommands(package);
        Add(menu, SigilCommandIds.RunOptimization, commands.RunOptimizationAsync);
        Add(menu, SigilCommandIds.Promote, commands.PromoteAsync);
        Add(menu, SigilCommandIds.Publish, ct => commands.SendAsync("Publish", SigilMethods.ManifestPublish, new { }, ct));
        Add(menu, SigilCommandIds.StartTracker, ct => commands.SendAsync("Start tracker", SigilMethods.TrackerStart, new { }, ct));
        Add(menu, SigilCommandIds.StopTracker, ct => commands.SendAsync("Stop tracker", SigilMethods.TrackerStop, new { }, ct));
    }

    private static void Add(OleMenuCommandService menu, int id, Func<CancellationToken, Task> run)
    {
        menu.AddCommand(new MenuCommand((_, _) => _ = ThreadHelper.JoinableTaskFactory.RunAsync(() => run(CancellationToken.None)),
            new CommandID(SigilCommandIds.CommandSet, id)));
    }

    private async Task RunOptimizationAsync(CancellationToken ct)
    {
        var pin = await PinOrExplainAsync(ct);
        if (pin is null)
        {
            return;
        }
        var options = SigilOptions.Current ?? new SigilOptions();
        var name = ((string?)pin["pin"] ?? "").Split('(')[0];
        await SendAsync($"Improve {name}", SigilMethods.RunStart, new
        {
            spec = (string?)pin["spec"], workspace = (string?)pin["workspace"], pin = name,
            optimizer = options.Optimizer, iterations = options.Iterations,
            baseUrl = string.IsNullOrEmpty(options.LlmEndpoint) ? null : options.LlmEndpoint,
            model = string.IsNullOrEmpty(options.Model) ? null : options.Model,
            wait = true,
        }, ct);
    }

    private async Task PromoteAsync(CancellationToken ct)
    {
        var pin = await PinOrExplainAsync(ct);
        var key = (SigilOptions.Current ?? new SigilOptions()).PromoteKey;
        if (pin is null)
        {
            return;
        }
        if (string.IsNullOrEmpty(key))
        {
            await ShowAsync("Sigil: Promote", "Set the signing key in Tools › Options › Sigil › Signing key (see `sigil keys list`).", error: true);
            return;
        }
        await SendAsync("Promote", SigilMethods.ManifestPromote, new { spec = (string?)pin["spec"], workspace = (string?)pin["workspace"], key }, ct);
    }

    /// <summary>Sends the request with a cancellable wait dialog and shows the result (or the error's message).</summary>
    private async Task SendAsync(string title, string method, object parameters, CancellationToken ct)
    {
        if (SigilLanguageClient.Current?.Rpc is not { } rpc)
        {
            await ShowAsync("Sigil: " + title, "The Sigil language server is not running yet: open a C# file of a folder holding sigil.json.", error: true);
            return;
        }
        var dialogs = (IVsThreadedWaitDialogFactory)(await _package.GetServiceAsync(typeof(SVsThreadedWaitDialogFactory)))!;
        using var wait = dialogs.StartWaitDialog("Sigil", title + "…", isCancelable: true);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, wait.UserCancellationToken);
        try
        {
            var result = await rpc.InvokeWithParameterObjectAsync<JToken?>(method, parameters, both.Token);
            await ShowAsync("Sigil: " + title, result?.ToString() ?? "done", error: false);
        }
        catch (RemoteInvocationException e)
        {
            await ShowAsync("Sigil: " + title, e.Message, error: true);
        }
        catch (OperationCanceledException)
        {
            await ShowAsync("Sigil: " + title, "Cancelled. Trials made so far are stored; a run resumes with resume: true.", error: false);
        }
    }

    private async Task<JObject?> PinOrExplainAsync(CancellationToken ct)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync(ct);
        var manager = (IVsTextManager)(await _package.GetServiceAsync(typeof(SVsTextManager)))!;
        if (SigilLanguageClient.Current?.Rpc is not { } rpc
            || manager.GetActiveView(1, null, out var view) != 0
            || view.GetCaretPos(out var line, out _) != 0
            || view.GetBuffer(out var lines) != 0
            || lines is not IPersistFileFormat file
            || file.GetCurFile(out var path, out _) != 0)
        {
            await ShowAsync("Sigil", "Put the caret in an [Improve] method of an open C# file.", error: true);
            return null;
        }
        var pin = await PinAtCaret.FindAsync(rpc, new Uri(path), line, ct);
        if (pin is null)
        {
            await ShowAsync("Sigil", "No [Improve] method above the caret: put the caret in a pinned method.", error: true);
        }
        return pin;
    }

    private async Task ShowAsync(string title, string message, bool error)
    {
        await ThreadHelper.JoinableTaskFactory.SwitchToMainThreadAsync();
        VsShellUtilities.ShowMessageBox(_package, message, title,
            error ? OLEMSGICON.OLEMSGICON_CRITICAL : OLEMSGICON.OLEMSGICON_INFO,
            OLEMSGBUTTON.OLEMSGBUTTON_OK, OLEMSGDEFBUTTON.OLEMSGDEFBUTTON_FIRST);
    }
}
