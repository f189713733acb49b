// Sigil for VS Code: a client of the Sigil language server (sigil-lsp, docs/lsp-extensions.md).
import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SigilContext, errorText, showServerError } from './context';
import { CandidateContentProvider, CandidateScheme, openCandidateDiff } from './diff';
import { promote, promoteCommand, publishCandidate, publishCommand } from './manifests';
import { ClientCommands, pinsFromLensCommands, rewriteLensCommand } from './lenses';
import { shortId } from './chartData';
import { formatSpeedup } from './labels';
import { CandidatesListResult, Methods, PinCommandArguments, RunFinishedParams } from './protocol';
import { RunManager } from './runs';
import { ScorePanel, ScoreQuery } from './scores';
import { resolveServer } from './serverPath';
import { TrackerStatusBar } from './tracker';
import { SigilTreeElement, SigilTreeProvider } from './tree';

let sigil: SigilContext | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Sigil', { log: true });
  context.subscriptions.push(output);
  const s = new SigilContext(output, context);
  sigil = s;
  s.log(`Sigil ${context.extension.packageJSON.version} activating`);

  const content = new CandidateContentProvider();
  const tree = new SigilTreeProvider(s);
  const tracker = new TrackerStatusBar(s);
  const openDiff = (candidate: string) => openCandidateDiff(s, content, candidate);
  const runs = new RunManager(s, openDiff);
  context.subscriptions.push(
    tracker,
    vscode.workspace.registerTextDocumentContentProvider(CandidateScheme, content),
    vscode.window.registerTreeDataProvider('sigil.pins', tree),
  );

  const specFromArg = async (arg: unknown): Promise<ScoreQuery | undefined> => {
    const el = arg as SigilTreeElement | ScoreQuery | PinCommandArguments | undefined;
    if (el && 'type' in el) {
      if (el.type === 'spec') return { spec: el.node.spec };
      if (el.type === 'pin') return { spec: el.node.spec, workspace: el.node.workspace, pin: el.node.pin };
      if (el.type === 'candidate') return { spec: el.spec, workspace: el.candidate.workspace, pin: el.candidate.pin };
    }
    if (el && 'spec' in el && el.spec) return { spec: el.spec, workspace: el.workspace };
    const specs = (await tree.model()).map((t) => t.spec);
    if (specs.length === 0) {
      const typed = await vscode.window.showInputBox({ title: 'Sigil', prompt: 'Spec name' });
      return typed ? { spec: typed } : undefined;
    }
    if (specs.length === 1) return { spec: specs[0] };
    const pick = await vscode.window.showQuickPick(specs, { title: 'Sigil', placeHolder: 'Which spec?' });
    return pick ? { spec: pick } : undefined;
  };

  const register = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register(ClientCommands.improveMethod, (args: PinCommandArguments) => runs.improve(args));
  register(ClientCommands.toggleTracker, () => tracker.set(undefined));
  register('sigil.startTracker', () => tracker.set(true));
  register('sigil.stopTracker', () => tracker.set(false));
  register(ClientCommands.showCandidates, async (args: PinCommandArguments) => {
    if (!args?.spec) return;
    let list: CandidatesListResult;
    try {
      list = await s.request<CandidatesListResult>(Methods.candidatesList, { spec: args.spec, pin: args.pin });
    } catch (e) {
      void vscode.window.showErrorMessage(`Sigil: ${errorText(e)}`);
      return;
    }
    if (list.candidates.length === 0) {
      const improve = 'Improve this method';
      if ((await vscode.window.showInformationMessage(`Sigil: ${args.pin} has no candidates yet.`, improve)) === improve) await runs.improve(args);
      return;
    }
    const pick = await vscode.window.showQuickPick(
      list.candidates.map((c) => ({
        label: `${shortId(c.candidate)} ${formatSpeedup(c.speedup)}`,
        description: `${c.workspace} · ${c.correct ? 'correct' : 'incorrect'}${c.holdoutAccepted ? ' · holdout ✓' : ''}`,
        detail: c.summary,
        candidate: c.candidate,
      })),
      { title: `Sigil: candidates of ${args.pin}`, placeHolder: 'Open a candidate’s diff against the baseline' },
    );
    if (pick) await openDiff(pick.candidate);
  });
  register('sigil.openCandidate', async (arg: SigilTreeElement | string) => {
    const id = typeof arg === 'string' ? arg : arg?.type === 'candidate' ? arg.candidate.candidate : undefined;
    if (id) await openDiff(id);
  });
  register('sigil.promoteCandidate', async (arg: SigilTreeElement) => {
    if (arg?.type !== 'candidate') return;
    await promote(s, { spec: arg.spec, workspace: arg.candidate.workspace, candidates: [arg.candidate.candidate] });
    await tree.refresh(false);
  });
  register('sigil.publishCandidate', async (arg: SigilTreeElement) => {
    if (arg?.type !== 'candidate') return;
    await publishCandidate(s, arg.spec, arg.candidate);
  });
  register('sigil.promote', () => promoteCommand(s, tree));
  register('sigil.publish', () => publishCommand(s));
  register('sigil.showScores', async (arg?: unknown) => {
    const q = await specFromArg(arg);
    if (q) await ScorePanel.show(s, q);
  });
  register('sigil.refresh', async () => {
    await Promise.all([tree.refresh(true), tracker.update(), ScorePanel.refreshOpen()]);
  });
  register('sigil.runOptimization', async () => {
    const target = await pickRunTarget(s, tree);
    if (target) await runs.run(target);
  });

  runs.onDidFinish(() => {
    void tree.refresh(false);
    void ScorePanel.refreshOpen();
  });
  s.onDidChangePins(() => void tree.refresh(false));

  // Tracker switches made elsewhere (the CLI, another editor).
  const watcher = vscode.workspace.createFileSystemWatcher('**/.sigil/tracker.json');
  context.subscriptions.push(watcher, watcher.onDidChange(() => void tracker.update()), watcher.onDidCreate(() => void tracker.update()));

  // The server is started once per window: a new server or dotnet path takes a reload.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('sigil.server.path') && !e.affectsConfiguration('sigil.dotnet.path')) return;
      const reload = 'Reload Window';
      if ((await vscode.window.showInformationMessage('Sigil: reload the window to start the language server with the new path.', reload)) === reload) {
        await vscode.commands.executeCommand('workbench.action.reloadWindow');
      }
    }),
  );

  await startClient(s, context, runs, tracker, tree);
}

async function startClient(s: SigilContext, context: vscode.ExtensionContext, runs: RunManager, tracker: TrackerStatusBar, tree: SigilTreeProvider): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('sigil');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const location = resolveServer({
    configuredPath: cfg.get<string>('server.path'),
    configuredDotnet: cfg.get<string>('dotnet.path'),
    extensionPath: context.extensionPath,
    workspaceFolder: folder,
    home: os.homedir(),
    envPath: process.env.PATH,
    platform: process.platform,
    exists: (f) => {
      try {
        return fs.statSync(f).isFile();
      } catch {
        return false;
      }
    },
  });
  if (!location.ok) {
    s.clientError = location.message;
    s.log(location.message);
    void showServerError(location.message);
    void tree.refresh(true);
    return;
  }
  s.log(`server: ${location.command} ${location.args.join(' ')} (${location.source})`);
  const serverOptions: ServerOptions = {
    command: location.command,
    args: location.args,
    transport: TransportKind.stdio,
    options: { cwd: folder ?? os.homedir(), env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'csharp' },
      { scheme: 'file', pattern: '**/*.cs' },
    ],
    outputChannel: s.output,
    middleware: {
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        if (!lenses) return lenses;
        s.setPins(document.uri.toString(), pinsFromLensCommands(lenses.map((l) => l.command)));
        for (const lens of lenses) {
          if (lens.command) lens.command = rewriteLensCommand(lens.command);
        }
        return lenses;
      },
    },
  };
  const client = new LanguageClient('sigil', 'Sigil', serverOptions, clientOptions);
  s.client = client;
  context.subscriptions.push(client.onNotification(Methods.runFinished, (p: RunFinishedParams) => runs.handleFinished(p)));
  try {
    await client.start();
    s.log('language server started');
  } catch (e) {
    s.clientError = `The Sigil language server did not start: ${errorText(e)} (server: ${location.server}; see the Sigil output). Check sigil.server.path and sigil.dotnet.path.`;
    s.log(s.clientError);
    void showServerError(s.clientError);
    return;
  }
  context.subscriptions.push(client);
  await Promise.all([tracker.update(), tree.refresh(true)]);
}

/** "Sigil: Run Optimization": a pin of the open document (from its lenses), or a spec and workspace. */
async function pickRunTarget(s: SigilContext, tree: SigilTreeProvider): Promise<{ spec: string; workspace: string; pin?: string } | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  const pins = doc ? s.pinsByDocument.get(doc.uri.toString()) ?? [] : [];
  type Item = vscode.QuickPickItem & { target?: { spec: string; workspace: string; pin?: string } };
  const items: Item[] = pins
    .filter((p) => p.spec)
    .map((p) => ({ label: `$(symbol-method) ${p.pin}`, description: `${p.spec}/${p.workspace}`, target: { spec: p.spec, workspace: p.workspace, pin: p.pin } }));
  const model = await tree.model();
  for (const spec of model) {
    for (const ws of new Set(spec.pins.map((p) => p.workspace))) {
      items.push({ label: `$(symbol-namespace) All pins of ${spec.spec}/${ws}`, target: { spec: spec.spec, workspace: ws } });
    }
  }
  items.push({ label: '$(edit) Another spec and workspace…' });
  const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: 'Sigil: Run Optimization', placeHolder: 'What to improve?' });
  if (!pick) return undefined;
  if (pick.target) return pick.target;
  const spec = await vscode.window.showInputBox({ title: 'Sigil: Run Optimization', prompt: 'Spec', value: tree.specs()[0] ?? '' });
  if (!spec) return undefined;
  const workspace = await vscode.window.showInputBox({ title: 'Sigil: Run Optimization', prompt: 'Workspace (where candidates are stored)', value: 'default' });
  if (!workspace) return undefined;
  return { spec, workspace };
}

export async function deactivate(): Promise<void> {
  const client = sigil?.client;
  if (client && client.isRunning()) await client.stop(35_000);
}
