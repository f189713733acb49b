// Finding the specs of a workspace. Pure text scan of C# sources; the server's lenses refine it.
//
// The server has no "list specs" request, so the tree's roots are the union of
//   1. `[assembly: Spec("name")]` and `[Improve("name", …)]` in the workspace's *.cs files (bin/obj skipped), and
//   2. the `spec` of every pin lens the server returned for an open document,
// and each spec's pins and candidates then come from sigil/candidates/list (exact qualnames from the store).

export interface ScannedPin {
  spec: string;
  workspace: string;
  /** The method name (not the qualname: the server's lenses and the store have that). */
  method?: string;
}

export interface ScanResult {
  specs: string[];
  pins: ScannedPin[];
}

const specAttr = /\[\s*assembly\s*:\s*(?:global::)?(?:Sigil\.)?Spec(?:Attribute)?\s*\(\s*"((?:[^"\\]|\\.)+)"/g;
const improveAttr = /\[\s*(?:global::)?(?:Sigil\.)?Improve(?:Attribute)?\s*\(\s*"((?:[^"\\]|\\.)+)"([^\]]*)\]/g;
const workspaceArg = /\bWorkspace\s*=\s*"((?:[^"\\]|\\.)*)"/;
const methodAfter = /^[\s\S]*?\b([A-Za-z_][A-Za-z0-9_]*)\s*(?:<[^>]*>)?\s*\(/;

// Strips line and block comments so commented-out pins do not count.
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:"])\/\/.*$/gm, '$1');
}

export function scanCSharp(text: string): ScanResult {
  const src = stripComments(text);
  const specs = new Set<string>();
  const pins: ScannedPin[] = [];
  for (const m of src.matchAll(specAttr)) specs.add(m[1]);
  for (const m of src.matchAll(improveAttr)) {
    const spec = m[1];
    specs.add(spec);
    const ws = workspaceArg.exec(m[2] ?? '');
    const rest = src.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 400);
    const method = methodAfter.exec(rest)?.[1];
    pins.push({ spec, workspace: ws ? ws[1] : 'default', method });
  }
  return { specs: [...specs], pins };
}

/** Merges spec names, sorted, without duplicates or empties. */
export function mergeSpecs(...lists: ReadonlyArray<Iterable<string>>): string[] {
  const all = new Set<string>();
  for (const l of lists) for (const s of l) if (s && s.trim()) all.add(s);
  return [...all].sort((a, b) => a.localeCompare(b));
}
