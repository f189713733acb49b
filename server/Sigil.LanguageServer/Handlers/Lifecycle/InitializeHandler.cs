using System.Reflection;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Commands;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Handlers.Lifecycle;

/// <summary>
/// <c>initialize</c>: records the client's capabilities and finds the Sigil project (sigil.json at or above the first
/// workspace folder, else the root URI or path); answers with full document sync, code lenses without resolve, the
/// lens commands, and Sigil's methods under <c>experimental.sigil</c>.
/// </summary>
internal sealed class InitializeHandler(ServerState state, ServerLog log) : IRequestHandler<InitializeParams, InitializeResult>
{
    /// <inheritdoc />
    public string Method => LspMethods.Initialize;

    /// <inheritdoc />
    public Task<InitializeResult> HandleAsync(InitializeParams parameters, CancellationToken ct)
    {
        state.Capabilities = parameters.Capabilities ?? new ClientCapabilities();
        state.Project = Folders(parameters).Select(ProjectContext.Find).FirstOrDefault(p => p is not null);
        log.Info(state.Project is { } project
            ? $"serving the Sigil project in {project.Paths.ProjectDirectory} for {parameters.ClientInfo?.Name ?? "a client"}"
            : "no sigil.json in the workspace folder or above it: lenses only, requests that need a project answer NoProject (1001)");
        state.Initialized = true;
        return Task.FromResult(new InitializeResult
        {
            Capabilities = new ServerCapabilities
            {
                TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Full },
                CodeLensProvider = new CodeLensOptions { ResolveProvider = false },
                ExecuteCommandProvider = new ExecuteCommandOptions { Commands = SigilCommands.All },
                Experimental = new ExperimentalCapabilities
                {
                    Sigil = new SigilCapabilities { Methods = SigilMethods.Requests, ProjectDirectory = state.Project?.Paths.ProjectDirectory },
                },
            },
            ServerInfo = new ServerInfo { Name = "sigil-lsp", Version = Version() },
        });
    }

    private static IEnumerable<string> Folders(InitializeParams parameters)
    {
        foreach (var folder in parameters.WorkspaceFolders ?? [])
        {
            if (DocumentUris.ToPath(folder.Uri) is { } path)
            {
                yield return path;
            }
        }
        if (parameters.RootUri is { } root && DocumentUris.ToPath(root) is { } rootPath)
        {
            yield return rootPath;
        }
        if (!string.IsNullOrWhiteSpace(parameters.RootPath))
        {
            yield return Path.GetFullPath(parameters.RootPath);
        }
    }

    private static string Version() =>
        typeof(InitializeHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
