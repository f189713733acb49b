// The Sigil view's model: specs → pins → candidates. Pure.
import { CandidateSummary, PinCommandArguments } from './protocol';

export interface PinNode {
  spec: string;
  workspace: string;
  pin: string;
  uri?: string;
  /** Correct first, fastest first (the server's order). */
  candidates: CandidateSummary[];
}

export interface SpecNode {
  spec: string;
  pins: PinNode[];
  /** Why the spec could not be listed (e.g. no project), when it could not. */
  error?: string;
}

/**
 * Builds the view from the known specs, each spec's sigil/candidates/list answer (or its error), and the pins the
 * server's lenses named (so pins without candidates show too).
 */
export function buildTree(
  specs: string[],
  lists: ReadonlyMap<string, CandidateSummary[] | { error: string }>,
  lensPins: PinCommandArguments[],
): SpecNode[] {
  return specs.map((spec) => {
    const listed = lists.get(spec);
    const pins = new Map<string, PinNode>();
    const key = (ws: string, pin: string) => `${ws}\u0000${pin}`;
    for (const p of lensPins) {
      if (p.spec !== spec) continue;
      const k = key(p.workspace, p.pin);
      if (!pins.has(k)) pins.set(k, { spec, workspace: p.workspace, pin: p.pin, uri: p.uri ?? undefined, candidates: [] });
    }
    if (listed && !Array.isArray(listed)) {
      return { spec, pins: [...pins.values()], error: listed.error };
    }
    for (const c of listed ?? []) {
      const k = key(c.workspace, c.pin);
      let node = pins.get(k);
      if (!node) {
        node = { spec, workspace: c.workspace, pin: c.pin, candidates: [] };
        pins.set(k, node);
      }
      node.candidates.push(c);
    }
    const sorted = [...pins.values()].sort((a, b) => a.pin.localeCompare(b.pin) || a.workspace.localeCompare(b.workspace));
    return { spec, pins: sorted };
  });
}

/** Spec description: pins and candidates. */
export function specDescription(node: SpecNode): string {
  if (node.error) return node.error;
  const n = node.pins.reduce((sum, p) => sum + p.candidates.length, 0);
  return `${node.pins.length} pin${node.pins.length === 1 ? '' : 's'} · ${n} candidate${n === 1 ? '' : 's'}`;
}
