// sigil/scores/history → the datasets the score chart draws. Pure and serializable (it is posted to the webview).
import { ScoreSeries, ScoresHistoryResult } from './protocol';

export type Objective = 'speed' | 'score';

export interface ChartPoint {
  x: number;
  y: number;
  /** Trial status (`evaluated`, …). */
  status?: string;
  /** Short candidate id. */
  candidate?: string;
  /** Whether the candidate was correct. */
  feasible?: boolean;
}

export interface ChartDataset {
  /** `fitness`: one point per trial; `best`: best feasible fitness so far; `baseline`: a horizontal line. */
  kind: 'fitness' | 'best' | 'baseline';
  label: string;
  /** Which run/pin series it belongs to (colour). */
  series: number;
  data: ChartPoint[];
}

export interface ChartModel {
  title: string;
  /** The y axis: speedup (×) or score. `mixed` when runs with both objectives are shown. */
  objective: Objective | 'mixed';
  yLabel: string;
  datasets: ChartDataset[];
  /** Number of trial points drawn (the fitness datasets' points). */
  points: number;
  /** Number of run/pin series. */
  seriesCount: number;
  /** Trials made, whatever their status (duplicates and rejected ones have no fitness to draw). */
  trials: number;
  /** Trials per status (`evaluated`, `duplicate`, …). */
  statuses: Record<string, number>;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** `diff://b3:ab92…` / `run://b3:…` → the first n hex digits. */
export function shortId(id: string | null | undefined, n = 12): string {
  if (!id) return '';
  const m = /(?:^|:)([0-9a-f]+)$/i.exec(id);
  return (m ? m[1] : id).slice(0, n);
}

/** What the optimizer's fitness was in this run: speedup or score (from the trials where both are known). */
export function inferObjective(series: ScoreSeries): Objective {
  let speed = 0;
  let score = 0;
  for (const p of series.points) {
    if (!finite(p.fitness)) continue;
    if (finite(p.speedup) && Math.abs(p.fitness - p.speedup) < 1e-9) speed++;
    else if (finite(p.score) && Math.abs(p.fitness - p.score) < 1e-9) score++;
  }
  return score > speed ? 'score' : 'speed';
}

/** The baseline's fitness under the run's objective (null when the baseline has no such number). */
export function baselineFitness(series: ScoreSeries, objective: Objective): number | null {
  const v = objective === 'speed' ? series.baseline?.speedup : series.baseline?.score;
  return finite(v) ? v : null;
}

/** "3 trials in 1 run (1 evaluated, 2 duplicate)". */
export function chartSummary(model: Pick<ChartModel, 'trials' | 'seriesCount' | 'statuses'>): string {
  if (model.trials === 0) return 'No trials yet: run "Sigil: Run Optimization" or the "Improve this method" lens.';
  const parts = Object.entries(model.statuses)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([status, n]) => `${n} ${status}`);
  return `${model.trials} trial${model.trials === 1 ? '' : 's'} in ${model.seriesCount} run${model.seriesCount === 1 ? '' : 's'} (${parts.join(', ')})`;
}

export function seriesLabel(series: ScoreSeries, many: boolean): string {
  const parts = [series.pin || '(pin)', series.optimizer || 'run'];
  if (many) parts.push(`run ${shortId(series.runId, 8)}`);
  return parts.join(' · ');
}

/** The chart of a spec's score history: per run and pin, the trials' fitness, the best so far and the baseline. */
export function toChartModel(history: ScoresHistoryResult, title?: string): ChartModel {
  const series = history.series ?? [];
  const datasets: ChartDataset[] = [];
  const objectives = new Set<Objective>();
  const baselines = new Set<string>();
  let points = 0;
  let trialCount = 0;
  const statuses: Record<string, number> = {};
  series.forEach((s, i) => {
    trialCount += s.points.length;
    for (const p of s.points) statuses[p.status || 'unknown'] = (statuses[p.status || 'unknown'] ?? 0) + 1;
    const objective = inferObjective(s);
    objectives.add(objective);
    const label = seriesLabel(s, series.length > 1);
    const trials: ChartPoint[] = [];
    const best: ChartPoint[] = [];
    for (const p of [...s.points].sort((a, b) => a.index - b.index)) {
      if (finite(p.fitness)) {
        trials.push({ x: p.index, y: p.fitness, status: p.status, candidate: shortId(p.candidate), feasible: p.feasible ?? undefined });
      }
      if (finite(p.bestFitness)) best.push({ x: p.index, y: p.bestFitness });
    }
    points += trials.length;
    datasets.push({ kind: 'fitness', label, series: i, data: trials });
    datasets.push({ kind: 'best', label: `best so far · ${label}`, series: i, data: best });
    const base = baselineFitness(s, objective);
    const lastIndex = Math.max(s.iterations - 1, ...s.points.map((p) => p.index), 0);
    const key = `${objective}:${base}`;
    if (base !== null && !baselines.has(key)) {
      baselines.add(key);
      datasets.push({
        kind: 'baseline',
        label: objective === 'speed' ? `baseline (${base}×)` : `baseline score (${base})`,
        series: i,
        data: [{ x: 0, y: base }, { x: lastIndex, y: base }],
      });
    }
  });
  const objective: Objective | 'mixed' = objectives.size > 1 ? 'mixed' : objectives.has('score') ? 'score' : 'speed';
  return {
    title: title ?? `Sigil scores: ${history.spec}`,
    objective,
    yLabel: objective === 'speed' ? 'speedup (×) vs baseline' : objective === 'score' ? 'eval score' : 'fitness (speedup or score)',
    datasets,
    points,
    seriesCount: series.length,
    trials: trialCount,
    statuses,
  };
}
