// The Sigil view (sigil.pins): specs → pins → candidates, from sigil/candidates/list.
import * as vscode from 'vscode';
import { SigilContext, errorCode, errorText } from './context';
import { shortId } from './chartData';
import { candidateDescription, candidateLabel, formatNumber, formatSpeedup, pinDescription } from './labels';
import { CandidateSummary, CandidatesListResult, ErrorCodes, Methods } from './protocol';
import { mergeSpecs, scanCSharp } from './specs';
import { PinNode, SpecNode, buildTree, specDescription } from './treeModel';

export type SigilTreeElement =
  | { type: 'spec'; node: SpecNode }
  | { type: 'pin'; node: PinNode }
  | { type: 'candidate'; spec: string; pin: PinNode; candidate: CandidateSummary }
  | { type: 'message'; text: string };

/** Spec names from the workspace's C# files (see specs.ts for why). */
export async function scanWorkspaceSpecs(): Promise<string[]> {
  const files = await vscode.workspace.findFiles('**/*.cs', '{**/bin/**,**/obj/**,**/node_modules/**,**/.sigil/**}', 2000);
  const specs = new Set<string>();
  const decoder = new TextDecoder();
  for (const file of files) {
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(file));
      if (!text.includes('Improve') && !text.includes('Spec')) continue;
      for (const s of scanCSharp(text).specs) specs.add(s);
    } catch {
      /* unreadable: skip */
    }
  }
  return [...specs];
}

export class SigilTreeProvider implements vscode.TreeDataProvider<SigilTreeElement> {
  private readonly changed = new vscode.EventEmitter<SigilTreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private tree: SpecNode[] = [];
  private scanned: string[] = [];
  private loading: Promise<void> | undefined;
  private loaded = false;
  private noProject: string | undefined;

  constructor(private readonly sigil: SigilContext) {}

  /** Known specs: scanned sources ∪ lens pins ∪ what the view shows. */
  specs(): string[] {
    return mergeSpecs(this.scanned, this.sigil.allLensPins().map((p) => p.spec), this.tree.map((t) => t.spec));
  }

  /** The current model (loads it once when needed). */
  async model(): Promise<SpecNode[]> {
    if (!this.loaded) await this.refresh();
    return this.tree;
  }

  /** Re-reads the specs and every spec's candidates. */
  refresh(rescan = true): Promise<void> {
    this.loading ??= this.load(rescan).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(rescan: boolean): Promise<void> {
    try {
      if (rescan || !this.loaded) this.scanned = await scanWorkspaceSpecs();
      const specs = this.specs();
      const lists = new Map<string, CandidateSummary[] | { error: string }>();
      this.noProject = undefined;
      const client = this.sigil.client;
      if (client && client.isRunning()) {
        await Promise.all(
          specs.map(async (spec) => {
            try {
              const r = await client.sendRequest<CandidatesListResult>(Methods.candidatesList, { spec });
              lists.set(spec, r.candidates ?? []);
            } catch (e) {
              if (errorCode(e) === ErrorCodes.NoProject) this.noProject = errorText(e);
              lists.set(spec, { error: errorText(e) });
            }
          }),
        );
      }
      this.tree = buildTree(specs, lists, this.sigil.allLensPins());
      this.sigil.log(`view: ${this.tree.map((t) => `${t.spec} (${specDescription(t)})`).join(', ') || 'no specs'}`);
      this.loaded = true;
      void vscode.commands.executeCommand('setContext', 'sigil.hasSpecs', this.tree.length > 0);
    } catch (e) {
      this.sigil.log(`refreshing the Sigil view failed: ${errorText(e)}`);
    }
    this.changed.fire(undefined);
  }

  getTreeItem(element: SigilTreeElement): vscode.TreeItem {
    switch (element.type) {
      case 'message': {
        const item = new vscode.TreeItem(element.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        item.tooltip = element.text;
        return item;
      }
      case 'spec': {
        const item = new vscode.TreeItem(element.node.spec, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `spec:${element.node.spec}`;
        item.description = specDescription(element.node);
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.contextValue = 'sigil.spec';
        item.tooltip = `Spec ${element.node.spec}`;
        return item;
      }
      case 'pin': {
        const n = element.node;
        const item = new vscode.TreeItem(
          n.pin,
          n.candidates.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `pin:${n.spec}:${n.workspace}:${n.pin}`;
        item.description = pinDescription(n.workspace, n.candidates);
        item.iconPath = new vscode.ThemeIcon('symbol-method');
        item.contextValue = 'sigil.pin';
        item.tooltip = `${n.pin}\nspec ${n.spec}, workspace ${n.workspace}`;
        return item;
      }
      case 'candidate': {
        const c = element.candidate;
        const item = new vscode.TreeItem(candidateLabel(c), vscode.TreeItemCollapsibleState.None);
        item.id = `cand:${element.spec}:${c.workspace}:${c.candidate}`;
        item.description = candidateDescription(c);
        item.iconPath = new vscode.ThemeIcon(c.correct ? (c.holdoutAccepted ? 'pass-filled' : 'pass') : 'error');
        item.contextValue = 'sigil.candidate';
        const metrics = Object.entries(c.metrics ?? {})
          .map(([k, v]) => `${k} = ${formatNumber(v)}`)
          .join('\n');
        item.tooltip = new vscode.MarkdownString(
          `**${shortId(c.candidate)}** ${c.summary ? `— ${c.summary}` : ''}\n\n` +
            `${c.pin} · workspace ${c.workspace}\n\n` +
            `speedup ${formatSpeedup(c.speedup) || 'not measured'} · ${c.correct ? 'correct' : 'incorrect'} · eval ${c.evalFunction}\n\n` +
            '```\n' + metrics + '\n```',
        );
        item.command = { command: 'sigil.openCandidate', title: 'Open Candidate Diff', arguments: [element] };
        return item;
      }
    }
  }

  async getChildren(element?: SigilTreeElement): Promise<SigilTreeElement[]> {
    if (!element) {
      const tree = await this.model();
      if (this.sigil.clientError) return [{ type: 'message', text: this.sigil.clientError }];
      if (this.noProject) return [{ type: 'message', text: this.noProject }];
      return tree.map((node) => ({ type: 'spec', node }));
    }
    if (element.type === 'spec') {
      if (element.node.error) return [{ type: 'message', text: element.node.error }];
      return element.node.pins.map((node) => ({ type: 'pin', node }));
    }
    if (element.type === 'pin') {
      return element.node.candidates.map((candidate) => ({ type: 'candidate', spec: element.node.spec, pin: element.node, candidate }));
    }
    return [];
  }
}
