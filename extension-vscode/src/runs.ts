// Runs started from VS Code: sigil/run/start with the user's settings and our own work-done token, a cancellable
// progress notification fed by $/progress, sigil/run/cancel on cancel, and the end on sigil/run/finished.
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, WorkDoneProgressBegin, WorkDoneProgressReport, WorkDoneProgressEnd } from 'vscode-languageclient/node';
import { SigilContext, errorText } from './context';
import { ProgressTracker, describeRunFinished } from './labels';
import { pinFilter } from './lenses';
import { Methods, PinCommandArguments, RunFinishedParams, RunStartParams, RunStartResult } from './protocol';

export interface RunTarget {
  spec: string;
  workspace: string;
  /** A qualified pin name (`Kernels.Root(double)`), or none for every pin of the spec. */
  pin?: string;
}

/** The sigil/run/start params from a target and the settings. */
export function runStartParams(target: RunTarget, settings: { optimizer?: string; iterations?: number; baseUrl?: string; model?: string }, token: string): RunStartParams {
  const params: RunStartParams = {
    spec: target.spec,
    workspace: target.workspace,
    optimizer: settings.optimizer || 'best-of-n',
    iterations: settings.iterations && settings.iterations > 0 ? Math.floor(settings.iterations) : 20,
    workDoneToken: token,
  };
  if (target.pin) params.pin = pinFilter(target.pin);
  if (settings.baseUrl && settings.baseUrl.trim()) params.baseUrl = settings.baseUrl.trim();
  if (settings.model && settings.model.trim()) params.model = settings.model.trim();
  return params;
}

export class RunManager {
  /** Runs going on, by token: resolved by sigil/run/finished. */
  private readonly waiting = new Map<string, (p: RunFinishedParams) => void>();
  /** Finished notifications that arrived before their waiter (should not happen: waiters are set first). */
  private readonly early = new Map<string, RunFinishedParams>();
  private readonly finished = new vscode.EventEmitter<RunFinishedParams>();
  readonly onDidFinish = this.finished.event;

  constructor(private readonly sigil: SigilContext, private readonly openDiff: (candidate: string) => Promise<void>) {}

  /** Called for every sigil/run/finished notification. */
  handleFinished(p: RunFinishedParams): void {
    this.sigil.log(`run ${p.token} ${p.status}${p.error ? `: ${p.error.message}` : ''}`);
    const waiter = this.waiting.get(p.token);
    if (waiter) {
      this.waiting.delete(p.token);
      waiter(p);
    } else {
      this.early.set(p.token, p);
    }
    this.finished.fire(p);
  }

  private waitFor(token: string): Promise<RunFinishedParams> {
    const early = this.early.get(token);
    if (early) {
      this.early.delete(token);
      return Promise.resolve(early);
    }
    return new Promise((resolve) => this.waiting.set(token, resolve));
  }

  /** From the "Improve this method" lens. */
  improve(args: PinCommandArguments): Promise<void> {
    this.sigil.log(`Improve this method: ${JSON.stringify(args)}`);
    if (!args || !args.spec) {
      void vscode.window.showErrorMessage('Sigil: this pin names no spec as a string literal on [Improve], so it cannot be run from here.');
      return Promise.resolve();
    }
    return this.run({ spec: args.spec, workspace: args.workspace || 'default', pin: args.pin });
  }

  async run(target: RunTarget): Promise<void> {
    const client = await this.sigil.requireClient();
    if (!client) return;
    const cfg = this.sigil.config();
    const token = `vscode-sigil-run-${crypto.randomBytes(6).toString('hex')}`;
    const params = runStartParams(
      target,
      {
        optimizer: cfg.get<string>('run.optimizer'),
        iterations: cfg.get<number>('run.iterations'),
        baseUrl: cfg.get<string>('llm.endpoint'),
        model: cfg.get<string>('llm.model'),
      },
      token,
    );
    const what = target.pin ? `${target.pin}` : `${target.spec}/${target.workspace}`;
    const finished = this.waitFor(token);
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Sigil: improving ${what}`, cancellable: true },
      async (progress, cancel) => {
        const tracker = new ProgressTracker();
        progress.report({ message: `starting (${params.optimizer}, ${params.iterations} trials)…` });
        const sub = client.onProgress(WorkDoneProgress.type, token, (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
          if (value.kind === 'end') {
            progress.report({ message: value.message ?? 'done', increment: tracker.increment(100) });
            return;
          }
          progress.report({ message: value.message, increment: tracker.increment(value.percentage) });
        });
        let cancelSent = false;
        const onCancel = cancel.onCancellationRequested(() => {
          if (cancelSent) return;
          cancelSent = true;
          progress.report({ message: 'cancelling (the trial going on is finished and stored)…' });
          client.sendRequest(Methods.runCancel, { token }).then(
            (r) => this.sigil.log(`cancel ${token}: ${JSON.stringify(r)}`),
            (e) => this.sigil.log(`cancel ${token} failed: ${errorText(e)}`),
          );
        });
        try {
          this.sigil.log(`${Methods.runStart} ${JSON.stringify(params)}`);
          const started = await client.sendRequest<RunStartResult>(Methods.runStart, params);
          this.sigil.log(`run ${started.token} ${started.status}`);
          return await finished;
        } catch (e) {
          this.waiting.delete(token);
          return { error: errorText(e) };
        } finally {
          sub.dispose();
          onCancel.dispose();
        }
      },
    );
    if ('error' in outcome && typeof outcome.error === 'string') {
      void vscode.window.showErrorMessage(`Sigil: the run of ${what} could not start: ${outcome.error}`);
      return;
    }
    const message = describeRunFinished(outcome as RunFinishedParams);
    if (message.severity === 'error') {
      void vscode.window.showErrorMessage(message.text);
    } else if (message.severity === 'warning') {
      void vscode.window.showWarningMessage(message.text);
    } else {
      const actions = message.candidate ? ['Open Diff', 'Score Chart'] : ['Score Chart'];
      void vscode.window.showInformationMessage(message.text, ...actions).then((choice) => {
        if (choice === 'Open Diff' && message.candidate) void this.openDiff(message.candidate);
        if (choice === 'Score Chart') void vscode.commands.executeCommand('sigil.showScores', { spec: target.spec, workspace: target.workspace });
      });
    }
  }
}
