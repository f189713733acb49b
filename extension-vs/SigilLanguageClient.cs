using System;
using System.Collections.Generic;
using System.ComponentModel.Composition;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.LanguageServer.Client;
using Microsoft.VisualStudio.Threading;
using Microsoft.VisualStudio.Utilities;
using StreamJsonRpc;

namespace Sigil.VisualStudio;

/// <summary>
/// Starts <c>sigil-lsp</c> for C# files and hands Visual Studio the stdio streams. Code lenses, diagnostics and every
/// request are the server's; this class only finds and launches it (the bundled <c>server/sigil-lsp.dll</c>, or the
/// path in Tools › Options › Sigil) and keeps the JSON-RPC connection for the menu commands.
/// </summary>
[ContentType("CSharp")]
[Export(typeof(ILanguageClient))]
[RunOnContext(RunningContext.RunOnHost)]
public sealed class SigilLanguageClient : ILanguageClient, ILanguageClientCustomMessage2
{
    /// <summary>The running client (null until Visual Studio loads it).</summary>
    public static SigilLanguageClient? Current { get; private set; }

    /// <summary>The connection to the server once initialized; the commands send <c>sigil/*</c> requests on it.</summary>
    public JsonRpc? Rpc { get; private set; }

    public string Name => "Sigil";

    public IEnumerable<string>? ConfigurationSections => null;

    public object? InitializationOptions => null;

    public IEnumerable<string> FilesToWatch => new[] { "**/sigil.json", "**/sigil.manifest.json", "**/sigil.keys.json" };

    public bool ShowNotificationOnInitializeFailed => true;

    public object? MiddleLayer => null;

    public object? CustomMessageTarget => null;

    public event AsyncEventHandler<EventArgs>? StartAsync;

    public event AsyncEventHandler<EventArgs>? StopAsync;

    public Task<Connection?> ActivateAsync(CancellationToken token)
    {
        var server = ServerLocator.Find(SigilOptions.Current?.ServerPath);
        var start = new ProcessStartInfo(SigilOptions.Current?.DotnetPath is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            Arguments = "\"" + server + "\"",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        if (SigilOptions.Current?.LlmEndpoint is { Length: > 0 } endpoint)
        {
            start.EnvironmentVariables["OPENAI_BASE_URL"] = endpoint;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + server);
        return Task.FromResult<Connection?>(new Connection(process.StandardOutput.BaseStream, process.StandardInput.BaseStream));
    }

    public async Task OnLoadedAsync()
    {
        Current = this;
        if (StartAsync is not null)
        {
            await StartAsync.InvokeAsync(this, EventArgs.Empty);
        }
    }

    public async Task StopServerAsync()
    {
        if (StopAsync is not null)
        {
            await StopAsync.InvokeAsync(this, EventArgs.Empty);
        }
    }

    public Task OnServerInitializedAsync() => Task.CompletedTask;

    public Task<InitializationFailureContext?> OnServerInitializeFailedAsync(ILanguageClientInitializationInfo initializationState)
    {
        var message = "The Sigil language server did not start: " + (initializationState.InitializationException?.Message ?? "unknown reason")
            + ". Check Tools › Options › Sigil › Server path, and that the .NET 10 runtime is installed.";
        return Task.FromResult<InitializationFailureContext?>(new InitializationFailureContext { FailureMessage = message });
    }

    public Task AttachForCustomMessageAsync(JsonRpc rpc)
    {
        Rpc = rpc;
        return Task.CompletedTask;
    }
}
