// Where the language server is and how to start it. Pure (file checks are injected) so it can be unit tested.
import * as path from 'path';

export interface ServerLocationInput {
  /** The `sigil.server.path` setting (may be empty). */
  configuredPath?: string;
  /** The `sigil.dotnet.path` setting (may be empty). */
  configuredDotnet?: string;
  /** The extension's own folder (the bundled server is `server/sigil-lsp.dll` inside it). */
  extensionPath: string;
  /** The first workspace folder, to resolve a relative `sigil.server.path`. */
  workspaceFolder?: string;
  /** The user's home, for `~/…`. */
  home?: string;
  /** `PATH`, to find `dotnet`. */
  envPath?: string;
  /** `process.platform`. */
  platform?: string;
  /** Whether a file exists. */
  exists: (file: string) => boolean;
}

export type ServerLocation =
  | { ok: true; command: string; args: string[]; source: 'setting' | 'bundled'; server: string }
  | { ok: false; reason: 'server-not-found' | 'dotnet-not-found'; message: string };

export const BundledServerRelative = path.join('server', 'sigil-lsp.dll');

/** Expands `~` and makes a path absolute (relative to the workspace folder, else as is). */
export function expandPath(p: string, home?: string, base?: string): string {
  let out = p.trim();
  if (home && (out === '~' || out.startsWith('~/') || out.startsWith('~\\'))) {
    out = path.join(home, out.slice(1));
  }
  if (!path.isAbsolute(out) && base) {
    out = path.join(base, out);
  }
  return out;
}

/** `dotnet` from the setting, else the first one on PATH. */
export function findDotnet(input: Pick<ServerLocationInput, 'configuredDotnet' | 'envPath' | 'platform' | 'exists' | 'home' | 'workspaceFolder'>): string | undefined {
  if (input.configuredDotnet && input.configuredDotnet.trim()) {
    const p = expandPath(input.configuredDotnet, input.home, input.workspaceFolder);
    return input.exists(p) ? p : undefined;
  }
  const windows = input.platform === 'win32';
  const names = windows ? ['dotnet.exe', 'dotnet'] : ['dotnet'];
  const sep = windows ? ';' : ':';
  for (const dir of (input.envPath ?? '').split(sep)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (input.exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The server: `sigil.server.path` (a sigil-lsp.dll run with dotnet, or the apphost run directly), else the bundled
 * `server/sigil-lsp.dll`, else an error that says to set `sigil.server.path`.
 */
export function resolveServer(input: ServerLocationInput): ServerLocation {
  let server: string | undefined;
  let source: 'setting' | 'bundled' = 'setting';
  if (input.configuredPath && input.configuredPath.trim()) {
    const p = expandPath(input.configuredPath, input.home, input.workspaceFolder);
    if (!input.exists(p)) {
      return {
        ok: false,
        reason: 'server-not-found',
        message: `Sigil language server not found at '${p}' (setting sigil.server.path): set sigil.server.path to a sigil-lsp.dll or the sigil-lsp executable.`,
      };
    }
    server = p;
  } else {
    const bundled = path.join(input.extensionPath, BundledServerRelative);
    if (input.exists(bundled)) {
      server = bundled;
      source = 'bundled';
    }
  }
  if (!server) {
    return {
      ok: false,
      reason: 'server-not-found',
      message: 'Sigil language server not found: this extension has no bundled server; build server/Sigil.LanguageServer and set sigil.server.path to its sigil-lsp.dll.',
    };
  }
  if (server.toLowerCase().endsWith('.dll')) {
    const dotnet = findDotnet(input);
    if (!dotnet) {
      return {
        ok: false,
        reason: 'dotnet-not-found',
        message: input.configuredDotnet?.trim()
          ? `dotnet not found at '${input.configuredDotnet}' (setting sigil.dotnet.path): install the .NET 10 runtime or fix sigil.dotnet.path.`
          : 'dotnet not found on PATH: install the .NET 10 runtime (https://dot.net) or set sigil.dotnet.path.',
      };
    }
    return { ok: true, command: dotnet, args: [server], source, server };
  }
  return { ok: true, command: server, args: [], source, server };
}
