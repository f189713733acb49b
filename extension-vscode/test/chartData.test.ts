import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { chartSummary, inferObjective, shortId, toChartModel } from '../src/chartData';
import { ScoreSeries, ScoresHistoryResult } from '../src/protocol';

const series = (over: Partial<ScoreSeries> = {}): ScoreSeries => ({
  runId: 'run://b3:aaaabbbbccccdddd0000',
  workspace: 'v1',
  pin: 'Kernels.SumOfSquares(int[])',
  functionId: 'sigil://x',
  optimizer: 'best-of-n',
  iterations: 3,
  createdAt: '2026-01-01T00:00:00Z',
  baseline: { speedup: 1, score: 1 },
  points: [
    { index: 0, status: 'evaluated', candidate: 'diff://b3:ab92bee883d3ffff', fitness: 3.6, feasible: true, speedup: 3.6, score: 1, bestFitness: 3.6, createdAt: '' },
    { index: 1, status: 'duplicate', bestFitness: 3.6, createdAt: '' },
    { index: 2, status: 'evaluated', candidate: 'diff://b3:cd0000000000aaaa', fitness: 0.5, feasible: false, speedup: 0.5, score: 0, bestFitness: 3.6, createdAt: '' },
  ],
  ...over,
});

describe('toChartModel', () => {
  it('draws one point per trial with a fitness, the best so far and the baseline', () => {
    const m = toChartModel({ spec: 'quickstart', series: [series()] });
    assert.equal(m.points, 2);
    assert.equal(m.seriesCount, 1);
    assert.equal(m.objective, 'speed');
    const fitness = m.datasets.find((d) => d.kind === 'fitness')!;
    assert.deepEqual(fitness.data.map((p) => [p.x, p.y, p.feasible]), [[0, 3.6, true], [2, 0.5, false]]);
    assert.equal(fitness.data[0].candidate, 'ab92bee883d3');
    const best = m.datasets.find((d) => d.kind === 'best')!;
    assert.deepEqual(best.data.map((p) => [p.x, p.y]), [[0, 3.6], [1, 3.6], [2, 3.6]]);
    const baseline = m.datasets.find((d) => d.kind === 'baseline')!;
    assert.deepEqual(baseline.data, [{ x: 0, y: 1 }, { x: 2, y: 1 }]);
    assert.match(m.title, /quickstart/);
    assert.equal(m.trials, 3);
    assert.deepEqual(m.statuses, { evaluated: 2, duplicate: 1 });
    assert.equal(chartSummary(m), '3 trials in 1 run (2 evaluated, 1 duplicate)');
  });

  it('uses the baseline score for runs whose fitness is the score, and one baseline line per value', () => {
    const scoreRun = series({
      runId: 'run://b3:1111',
      baseline: { speedup: 1, score: -0.25 },
      points: [{ index: 0, status: 'evaluated', fitness: -0.1, speedup: 1.2, score: -0.1, feasible: true, bestFitness: -0.1, createdAt: '' }],
    });
    assert.equal(inferObjective(scoreRun), 'score');
    const m = toChartModel({ spec: 's', series: [scoreRun, { ...scoreRun, runId: 'run://b3:2222' }] });
    assert.equal(m.objective, 'score');
    const baselines = m.datasets.filter((d) => d.kind === 'baseline');
    assert.equal(baselines.length, 1);
    assert.equal(baselines[0].data[0].y, -0.25);
    // Two runs: labels tell them apart.
    const labels = m.datasets.filter((d) => d.kind === 'fitness').map((d) => d.label);
    assert.notEqual(labels[0], labels[1]);
  });

  it('mixes objectives and skips a baseline it does not know', () => {
    const speed = series();
    const score = series({ baseline: { speedup: 1, score: null }, points: [{ index: 0, status: 'evaluated', fitness: 0.7, score: 0.7, createdAt: '' }] });
    const m = toChartModel({ spec: 's', series: [speed, score] } as ScoresHistoryResult);
    assert.equal(m.objective, 'mixed');
    assert.equal(m.datasets.filter((d) => d.kind === 'baseline').length, 1);
  });

  it('is empty without runs', () => {
    const m = toChartModel({ spec: 's', series: [] });
    assert.equal(m.points, 0);
    assert.deepEqual(m.datasets, []);
    assert.match(chartSummary(m), /^No trials yet/);
  });

  it('shortens ids', () => {
    assert.equal(shortId('diff://b3:ab92bee883d3aaaaaaaa'), 'ab92bee883d3');
    assert.equal(shortId('run://b3:0123456789abcdef', 8), '01234567');
    assert.equal(shortId(undefined), '');
  });
});
