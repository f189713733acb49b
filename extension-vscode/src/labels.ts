// Texts the UI shows for candidates, pins and finished runs. Pure.
import { shortId } from './chartData';
import { CandidateSummary, PromoteResultInfo, RunFinishedParams } from './protocol';

export function formatSpeedup(x: number | null | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) return '';
  return `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}

export function formatNumber(x: number | null | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6)) return x.toExponential(3);
  return String(Math.round(x * 10000) / 10000);
}

/** Tree label of a candidate: its short id and speedup. */
export function candidateLabel(c: CandidateSummary): string {
  const speed = formatSpeedup(c.speedup);
  return speed ? `${shortId(c.candidate)} · ${speed}` : shortId(c.candidate);
}

/** Tree description of a candidate: correctness, score, holdout verdict and what it changed. */
export function candidateDescription(c: CandidateSummary): string {
  const parts: string[] = [c.correct ? 'correct' : `incorrect${c.errorClass ? ` (${c.errorClass})` : ''}`];
  const score = formatNumber(c.metrics?.score_mean);
  if (score) parts.push(`score ${score}`);
  if (c.holdoutAccepted === true) parts.push('holdout ✓');
  else if (c.holdoutAccepted === false) parts.push('holdout ✗');
  if (c.summary) parts.push(c.summary);
  return parts.join(' · ');
}

/** Tree description of a pin from its candidates (correct and fastest first, as the server sorts them). */
export function pinDescription(workspace: string, candidates: CandidateSummary[]): string {
  if (candidates.length === 0) return `${workspace} · no candidates yet`;
  const best = candidates.find((c) => c.correct && c.speedup > 0) ?? candidates.find((c) => c.correct);
  const n = `${candidates.length} candidate${candidates.length === 1 ? '' : 's'}`;
  if (!best) return `${workspace} · ${n} · none correct yet`;
  const speed = formatSpeedup(best.speedup);
  return `${workspace} · ${n} · best ${speed || `score ${formatNumber(best.metrics?.score_mean)}`}`;
}

export interface Message {
  severity: 'info' | 'warning' | 'error';
  text: string;
  /** The best candidate of the first pin that has one (for "Open Diff"). */
  candidate?: string;
}

/** The message shown when sigil/run/finished arrives. */
export function describeRunFinished(p: RunFinishedParams): Message {
  const where = `${p.spec}/${p.workspace}`;
  if (p.status === 'failed') {
    return { severity: 'error', text: `Sigil run ${where} failed: ${p.error?.message ?? 'unknown error'}` };
  }
  if (p.status === 'cancelled') {
    return { severity: 'warning', text: `Sigil run ${where} cancelled: the trials made so far are stored (resume continues them).` };
  }
  const pins = p.result?.pins ?? [];
  if (pins.length === 0) return { severity: 'info', text: `Sigil run ${where} finished: no pins were run.` };
  let candidate: string | undefined;
  const parts = pins.map((pin) => {
    if (!pin.bestCandidate) {
      return `${pin.pin}: no candidate beat the baseline in ${pin.trials} trials`;
    }
    candidate ??= pin.bestCandidate;
    const speed = formatSpeedup(pin.bestMetrics?.speedup);
    const fitness = speed || `fitness ${formatNumber(pin.bestFitness)}`;
    return `${pin.pin}: best candidate ${shortId(pin.bestCandidate)}, ${fitness}${pin.accepted ? ' (accepted on the holdout)' : ' (not accepted on the holdout)'}`;
  });
  return { severity: 'info', text: `Sigil run ${where} finished. ${parts.join('; ')}.`, candidate };
}

/** The message shown after a promote. */
export function describePromote(r: PromoteResultInfo): string {
  const pins = r.pins.map((p) => `${p.pin} → ${shortId(p.candidate)}`).join(', ');
  return `Sigil: promoted ${r.spec}/${r.workspace} (sequence ${r.sequence}): ${pins}. Manifest: ${r.manifestPath}`;
}

/** `$/progress` percentages → the increments vscode.Progress wants (it adds them up). */
export class ProgressTracker {
  private last = 0;
  /** The increment to report for a new percentage (0 when it does not grow). */
  increment(percentage: number | undefined): number {
    if (typeof percentage !== 'number' || !Number.isFinite(percentage)) return 0;
    const p = Math.max(0, Math.min(100, percentage));
    const inc = p - this.last;
    if (inc <= 0) return 0;
    this.last = p;
    return inc;
  }
}
