// Shared state of the extension: the language client and what the server's lenses told us.
import * as vscode from 'vscode';
import { LanguageClient, ResponseError } from 'vscode-languageclient/node';
import { PinCommandArguments, SigilErrorData } from './protocol';

export class SigilContext {
  client: LanguageClient | undefined;
  /** Why there is no client, when there is none. */
  clientError: string | undefined;
  /** The pins of each document, from its latest lenses (uri string → pins). */
  readonly pinsByDocument = new Map<string, PinCommandArguments[]>();
  private readonly pinsChanged = new vscode.EventEmitter<void>();
  readonly onDidChangePins = this.pinsChanged.event;

  constructor(readonly output: vscode.LogOutputChannel, readonly extension: vscode.ExtensionContext) {}

  setPins(uri: string, pins: PinCommandArguments[]): void {
    const before = JSON.stringify(this.pinsByDocument.get(uri) ?? []);
    this.pinsByDocument.set(uri, pins);
    if (before !== JSON.stringify(pins)) this.pinsChanged.fire();
  }

  allLensPins(): PinCommandArguments[] {
    return [...this.pinsByDocument.values()].flat();
  }

  log(message: string): void {
    this.output.info(message);
  }

  /** The running client, or an error notification (with Open Settings) and undefined. */
  async requireClient(): Promise<LanguageClient | undefined> {
    if (this.client && this.client.isRunning()) return this.client;
    if (this.client && !this.clientError) {
      // Starting: wait for it.
      try {
        await this.client.start();
        return this.client;
      } catch {
        /* reported below */
      }
    }
    await showServerError(this.clientError ?? 'The Sigil language server is not running (see the Sigil output).');
    return undefined;
  }

  async request<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
    const client = await this.requireClient();
    if (!client) throw new SigilUserError(this.clientError ?? 'The Sigil language server is not running.');
    const started = Date.now();
    try {
      // Never pass an undefined token: vscode-jsonrpc would send [params, null] as positional params.
      const result = token ? await client.sendRequest<R>(method, params, token) : await client.sendRequest<R>(method, params);
      this.output.debug(`${method} answered in ${Date.now() - started} ms`);
      return result;
    } catch (e) {
      this.output.warn(`${method} failed after ${Date.now() - started} ms: ${errorText(e)}`);
      throw e;
    }
  }

  config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('sigil');
  }
}

/** An error already reported or meant for the user as is. */
export class SigilUserError extends Error {}

export async function showServerError(message: string): Promise<void> {
  const open = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(message, open);
  if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'sigil.server.path');
}

/** The server's error message (its `message` says what went wrong and what to do). */
export function errorText(e: unknown): string {
  if (e instanceof ResponseError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function errorData(e: unknown): SigilErrorData | undefined {
  if (e instanceof ResponseError && e.data && typeof e.data === 'object') return e.data as SigilErrorData;
  return undefined;
}

export function errorCode(e: unknown): number | undefined {
  return e instanceof ResponseError ? e.code : undefined;
}
