// The tracker's status bar item: `$(record) Sigil tracker: on` / `$(circle-outline) Sigil tracker: off`, click to switch.
import * as vscode from 'vscode';
import { SigilContext, errorCode, errorText } from './context';
import { ErrorCodes, Methods, TrackerStatusResult } from './protocol';

export function trackerText(enabled: boolean): string {
  return enabled ? '$(record) Sigil tracker: on' : '$(circle-outline) Sigil tracker: off';
}

export class TrackerStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private enabled: boolean | undefined;
  private busy = false;

  constructor(private readonly sigil: SigilContext) {
    this.item = vscode.window.createStatusBarItem('sigil.tracker', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Sigil Tracker';
    this.item.command = 'sigil.toggleTracker';
  }

  private show(status: TrackerStatusResult): void {
    this.enabled = status.enabled;
    this.item.text = trackerText(status.enabled);
    const when = status.changedAt ? `\nswitched ${new Date(status.changedAt).toLocaleString()}${status.changedBy ? ` by ${status.changedBy}` : ''}` : '';
    this.item.tooltip = `Sigil tracker is ${status.enabled ? 'on: running apps record their pinned calls' : 'off'}.\n${status.records} recorded calls in ${status.segments} segments${when}\nClick to turn it ${status.enabled ? 'off' : 'on'}.`;
    this.item.show();
  }

  /** Reads sigil/tracker/status; hides the item when there is no project. */
  async update(): Promise<void> {
    const client = this.sigil.client;
    if (!client || !client.isRunning()) {
      this.sigil.log(`tracker status not read: the language server is ${client ? 'not running' : 'missing'}`);
      return;
    }
    try {
      const status = await client.sendRequest<TrackerStatusResult>(Methods.trackerStatus, {});
      this.sigil.log(`tracker ${status.enabled ? 'on' : 'off'} (${status.records} records)`);
      this.show(status);
    } catch (e) {
      this.sigil.log(`tracker status failed: ${errorText(e)}`);
      if (errorCode(e) === ErrorCodes.NoProject) {
        this.item.hide();
      } else {
        this.item.text = '$(warning) Sigil tracker: ?';
        this.item.tooltip = errorText(e);
        this.item.show();
      }
    }
  }

  /** Turns the tracker on (true), off (false) or to the other state (undefined). */
  async set(on?: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      if (on === undefined) {
        if (this.enabled === undefined) await this.update();
        on = !this.enabled;
      }
      const method = on ? Methods.trackerStart : Methods.trackerStop;
      this.item.text = `$(sync~spin) Sigil tracker: ${on ? 'starting' : 'stopping'}…`;
      const status = await this.sigil.request<TrackerStatusResult>(method, {});
      this.show(status);
    } catch (e) {
      void vscode.window.showErrorMessage(`Sigil: could not turn the tracker ${on ? 'on' : 'off'}: ${errorText(e)}`);
      await this.update();
    } finally {
      this.busy = false;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
