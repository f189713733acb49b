// Sigil: Promote and Sigil: Publish (sigil/manifest/promote, sigil/manifest/publish).
import * as crypto from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import { SigilContext, errorData, errorText } from './context';
import { shortId } from './chartData';
import { describePromote, formatSpeedup } from './labels';
import { CandidateSummary, ErrorCodes, Methods, PromoteParams, PromoteResultInfo, PublishParams, PublishResultInfo } from './protocol';
import { SigilTreeProvider } from './tree';
import { errorCode } from './context';

/** The signing key: `sigil.promote.key`, else asked. */
export async function signingKey(sigil: SigilContext): Promise<string | undefined> {
  const configured = sigil.config().get<string>('promote.key')?.trim();
  if (configured) return configured;
  const key = await vscode.window.showInputBox({
    title: 'Sigil: signing key',
    prompt: 'The name of a signing key the project trusts (sigil keys new NAME --trust). Set sigil.promote.key to skip this.',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'A key name is required'),
  });
  return key?.trim() || undefined;
}

async function pickOne<T extends vscode.QuickPickItem>(items: T[], title: string, placeHolder: string): Promise<T | undefined> {
  if (items.length === 1) return items[0];
  return vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true });
}

/** Promotes: the spec's best (or the given candidates), signed with the key. Shows the manifest path and warnings. */
export async function promote(sigil: SigilContext, params: Omit<PromoteParams, 'key'> & { key?: string }): Promise<PromoteResultInfo | undefined> {
  const key = params.key ?? (await signingKey(sigil));
  if (!key) return undefined;
  const request: PromoteParams = { ...params, key };
  const attempt = () =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sigil: promoting ${request.spec}/${request.workspace}`, cancellable: true },
      (progress, cancel) => {
        progress.report({ message: 'checking the evidence, signing and compiling the approved methods…' });
        return sigil.request<PromoteResultInfo>(Methods.manifestPromote, request, cancel);
      },
    );
  let result: PromoteResultInfo;
  try {
    result = await attempt();
  } catch (e) {
    if (errorData(e)?.trustCode === 'output-exists' && !request.force) {
      const overwrite = 'Overwrite';
      const choice = await vscode.window.showWarningMessage(`Sigil: ${errorText(e)}`, overwrite);
      if (choice !== overwrite) return undefined;
      request.force = true;
      try {
        result = await attempt();
      } catch (e2) {
        void vscode.window.showErrorMessage(`Sigil: promote failed: ${errorText(e2)}`);
        return undefined;
      }
    } else {
      void vscode.window.showErrorMessage(`Sigil: promote failed: ${errorText(e)}`);
      return undefined;
    }
  }
  sigil.log(`promoted ${result.manifestId} → ${result.manifestPath}`);
  for (const w of result.warnings) {
    sigil.log(`promote warning: ${w}`);
    void vscode.window.showWarningMessage(`Sigil: ${w}`);
  }
  void vscode.window.showInformationMessage(describePromote(result), 'Open Manifest').then((choice) => {
    if (choice) void vscode.window.showTextDocument(vscode.Uri.file(result.manifestPath));
  });
  return result;
}

/** "Sigil: Promote": pick a spec, workspace and candidate (default: each pin's best). */
export async function promoteCommand(sigil: SigilContext, tree: SigilTreeProvider): Promise<void> {
  const model = await tree.model();
  const specs = model.filter((s) => s.pins.some((p) => p.candidates.length > 0));
  if (specs.length === 0) {
    void vscode.window.showWarningMessage('Sigil: there are no candidates to promote yet: improve a pin first.');
    return;
  }
  const spec = await pickOne(specs.map((s) => ({ label: s.spec, node: s })), 'Sigil: Promote', 'Which spec?');
  if (!spec) return;
  const workspaces = [...new Set(spec.node.pins.filter((p) => p.candidates.length > 0).map((p) => p.workspace))];
  const ws = await pickOne(workspaces.map((w) => ({ label: w })), 'Sigil: Promote', 'Which workspace?');
  if (!ws) return;
  const candidates: CandidateSummary[] = spec.node.pins.filter((p) => p.workspace === ws.label).flatMap((p) => p.candidates);
  type Item = vscode.QuickPickItem & { candidate?: string };
  const items: Item[] = [
    { label: "$(star-full) Each pin's best", description: 'with accepted evidence (the default policy)', picked: true },
    ...candidates
      .filter((c) => c.correct)
      .map((c) => ({
        label: `${shortId(c.candidate)} ${formatSpeedup(c.speedup)}`,
        description: c.pin,
        detail: `${c.summary}${c.holdoutAccepted ? ' · accepted on the holdout' : ''}`,
        candidate: c.candidate,
      })),
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: `Sigil: Promote ${spec.label}/${ws.label}`,
    placeHolder: 'Which candidate? (Enter: each pin’s best)',
    ignoreFocusOut: true,
  });
  if (!choice) return;
  await promote(sigil, { spec: spec.label, workspace: ws.label, candidates: choice.candidate ? [choice.candidate] : undefined });
  await tree.refresh(false);
}

/** Publishes a manifest: a git branch with the pins rewritten, with progress. */
export async function publish(sigil: SigilContext, manifest?: string): Promise<PublishResultInfo | undefined> {
  const client = await sigil.requireClient();
  if (!client) return undefined;
  const token = `vscode-sigil-publish-${crypto.randomBytes(6).toString('hex')}`;
  const params: PublishParams = { workDoneToken: token, ...(manifest ? { manifest } : {}) };
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sigil: publishing ${manifest ? path.basename(manifest) : 'sigil.manifest.json'}`, cancellable: true },
      async (progress, cancel) => {
        const sub = client.onProgress(WorkDoneProgress.type, token, (v) => {
          if (v.kind !== 'end' && v.message) progress.report({ message: v.message });
        });
        try {
          return await client.sendRequest<PublishResultInfo>(Methods.manifestPublish, params, cancel);
        } finally {
          sub.dispose();
        }
      },
    );
    for (const w of result.warnings) void vscode.window.showWarningMessage(`Sigil: ${w}`);
    void vscode.window.showInformationMessage(
      `Sigil: published to branch ${result.branch} (commit ${result.commit.slice(0, 10)}, ${result.changedFiles.length} file${result.changedFiles.length === 1 ? '' : 's'}); patch ${result.patch}. Your branch ${result.originalBranch} and working tree are unchanged.`,
    );
    return result;
  } catch (e) {
    const hint = errorCode(e) === ErrorCodes.PublishRefused ? ' Nothing was changed.' : '';
    void vscode.window.showErrorMessage(`Sigil: publish failed: ${errorText(e)}${hint}`);
    return undefined;
  }
}

/** "Sigil: Publish": the manifest to publish (sigil.manifest.json by default). */
export async function publishCommand(sigil: SigilContext): Promise<void> {
  const files = await vscode.workspace.findFiles('**/*manifest*.json', '{**/node_modules/**,**/.sigil/**,**/bin/**,**/obj/**}', 50);
  let manifest: string | undefined;
  if (files.length > 1) {
    const pick = await vscode.window.showQuickPick(
      files.map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f })),
      { title: 'Sigil: Publish', placeHolder: 'Which manifest?' },
    );
    if (!pick) return;
    manifest = pick.uri.fsPath;
  } else if (files.length === 1) {
    manifest = files[0].fsPath;
  }
  await publish(sigil, manifest);
}

/** The tree's "Publish" on a candidate: a manifest of just this candidate (no artifacts: published, never served), then publish. */
export async function publishCandidate(sigil: SigilContext, spec: string, c: CandidateSummary): Promise<void> {
  const key = await signingKey(sigil);
  if (!key) return;
  const out = path.join('.sigil', 'publish', `${shortId(c.candidate)}.manifest.json`);
  const promoted = await promote(sigil, { spec, workspace: c.workspace, key, candidates: [c.candidate], out, force: true, noArtifacts: true });
  if (!promoted) return;
  await publish(sigil, promoted.manifestPath);
}
