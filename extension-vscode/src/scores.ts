// The score chart: a webview drawing sigil/scores/history with the bundled Chart.js (dist/webview/scores.js).
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { SigilContext, errorText } from './context';
import { ChartModel, toChartModel } from './chartData';
import { Methods, ScoresHistoryResult } from './protocol';

export interface ScoreQuery {
  spec: string;
  workspace?: string;
  pin?: string;
}

export class ScorePanel {
  static current: ScorePanel | undefined;
  private query: ScoreQuery;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly sigil: SigilContext, query: ScoreQuery) {
    this.query = query;
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage(
      (msg: { type?: string }) => {
        if (msg?.type === 'refresh') void this.update();
      },
      undefined,
      this.disposables,
    );
  }

  static async show(sigil: SigilContext, query: ScoreQuery): Promise<ScorePanel> {
    if (ScorePanel.current) {
      ScorePanel.current.query = query;
      ScorePanel.current.panel.reveal(vscode.ViewColumn.Active);
      await ScorePanel.current.update();
      return ScorePanel.current;
    }
    const media = vscode.Uri.joinPath(sigil.extension.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel('sigil.scores', 'Sigil Scores', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: true,
    });
    ScorePanel.current = new ScorePanel(panel, sigil, query);
    await ScorePanel.current.update();
    return ScorePanel.current;
  }

  /** Refreshes the open chart (after a run), if any. */
  static async refreshOpen(): Promise<void> {
    await ScorePanel.current?.update();
  }

  private async update(): Promise<void> {
    const q = this.query;
    const title = `Sigil scores: ${q.spec}${q.workspace ? `/${q.workspace}` : ''}${q.pin ? ` · ${q.pin}` : ''}`;
    this.panel.title = `Sigil Scores: ${q.spec}`;
    let model: ChartModel | undefined;
    let error: string | undefined;
    try {
      const history = await this.sigil.request<ScoresHistoryResult>(Methods.scoresHistory, {
        spec: q.spec,
        ...(q.workspace ? { workspace: q.workspace } : {}),
        ...(q.pin ? { pin: q.pin } : {}),
      });
      model = toChartModel(history, title);
    } catch (e) {
      error = errorText(e);
    }
    this.panel.webview.html = this.html(model, error, title);
  }

  private html(model: ChartModel | undefined, error: string | undefined, title: string): string {
    const webview = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.sigil.extension.extensionUri, 'dist', 'webview', 'scores.js'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    // JSON inside <script type="application/json">: only `<` needs escaping.
    const data = JSON.stringify({ model: model ?? null, error: error ?? null }).replace(/</g, '\\u003c');
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(title)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 12px 16px; }
  h2 { font-size: 1.1em; font-weight: 600; margin: 0 0 4px; }
  #summary { color: var(--vscode-descriptionForeground); margin-bottom: 10px; }
  #error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
  .wrap { position: relative; height: calc(100vh - 110px); min-height: 260px; }
  button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
</style>
</head>
<body>
<h2 id="title">${esc(title)}</h2>
<div id="summary"></div>
<div id="error"></div>
<div class="wrap"><canvas id="sigil-scores" data-points="0" aria-label="Score chart"></canvas></div>
<p><button id="refresh">Refresh</button></p>
<script type="application/json" id="sigil-data">${data}</script>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    ScorePanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
