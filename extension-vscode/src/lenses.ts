// The server's lens commands, rewritten to client-side commands that add progress and cancel. Pure.
import { PinCommandArguments, ServerCommands } from './protocol';

/** The extension's own commands the lenses are rewritten to. */
export const ClientCommands = {
  improveMethod: 'sigil.improveMethod',
  showCandidates: 'sigil.showCandidates',
  toggleTracker: 'sigil.toggleTracker',
} as const;

const rewrites: Record<string, string> = {
  [ServerCommands.improve]: ClientCommands.improveMethod,
  [ServerCommands.showCandidates]: ClientCommands.showCandidates,
  [ServerCommands.toggleTracker]: ClientCommands.toggleTracker,
};

/** A lens command as vscode.Command has it (title, command, arguments). */
export interface LensCommandLike {
  title: string;
  command: string;
  arguments?: unknown[];
  tooltip?: string;
}

/** The client command for a server command id; other ids are left as they are. */
export function rewriteCommandId(command: string): string {
  return rewrites[command] ?? command;
}

/** A copy of the command pointing at the client-side command, with the same title and arguments. */
export function rewriteLensCommand<T extends LensCommandLike>(command: T): T {
  const id = rewriteCommandId(command.command);
  if (id === command.command) return command;
  return { ...command, command: id };
}

/** Whether a value looks like PinCommandArguments. */
export function isPinArguments(value: unknown): value is PinCommandArguments {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.pin === 'string' && v.pin.length > 0 && typeof v.spec === 'string' && typeof v.workspace === 'string';
}

/** The pins of a document, from its lenses' arguments (one per pin, in order). */
export function pinsFromLensCommands(commands: ReadonlyArray<LensCommandLike | undefined>): PinCommandArguments[] {
  const seen = new Set<string>();
  const pins: PinCommandArguments[] = [];
  for (const c of commands) {
    if (!c) continue;
    const arg = c.arguments?.[0];
    if (!isPinArguments(arg)) continue;
    const key = `${arg.spec}\u0000${arg.workspace}\u0000${arg.pin}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pins.push({ pin: arg.pin, spec: arg.spec, workspace: arg.workspace, uri: arg.uri ?? undefined });
  }
  return pins;
}

/** The `pin` filter of sigil/run/start for a qualified name: the name up to `(` (as the server's sigil.improve does). */
export function pinFilter(qualname: string): string {
  const i = qualname.indexOf('(');
  return i < 0 ? qualname : qualname.slice(0, i);
}
