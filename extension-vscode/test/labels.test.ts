import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ProgressTracker, candidateDescription, candidateLabel, describePromote, describeRunFinished, formatSpeedup, pinDescription } from '../src/labels';
import { CandidateSummary, RunFinishedParams } from '../src/protocol';

const cand = (over: Partial<CandidateSummary> = {}): CandidateSummary => ({
  workspace: 'v1',
  pin: 'Kernels.SumOfSquares(int[])',
  functionId: 'sigil://f',
  candidate: 'diff://b3:ab92bee883d3' + '0'.repeat(52),
  summary: 'rules: linq-to-loop',
  evalFunction: 'QuickStart.Kernels.SumIsExact',
  correct: true,
  speedup: 5.5612,
  metrics: { speedup: 5.5612, score_mean: 1 },
  holdoutAccepted: true,
  createdAt: '',
  servedCalls: 0,
  ...over,
});

describe('tree labels', () => {
  it('labels a candidate with its short id and speedup', () => {
    assert.equal(candidateLabel(cand()), 'ab92bee883d3 · 5.56×');
    assert.equal(candidateLabel(cand({ speedup: 0 })), 'ab92bee883d3');
    assert.equal(candidateDescription(cand()), 'correct · score 1 · holdout ✓ · rules: linq-to-loop');
    assert.equal(candidateDescription(cand({ correct: false, errorClass: 'wrong-output', holdoutAccepted: null, metrics: {}, summary: '' })), 'incorrect (wrong-output)');
  });

  it('describes a pin by its best correct candidate', () => {
    assert.equal(pinDescription('v1', []), 'v1 · no candidates yet');
    assert.equal(pinDescription('v1', [cand({ correct: false })]), 'v1 · 1 candidate · none correct yet');
    assert.equal(pinDescription('v1', [cand({ correct: false, speedup: 9 }), cand({ speedup: 12.34 })]), 'v1 · 2 candidates · best 12.3×');
    assert.equal(pinDescription('v1', [cand({ speedup: 0, metrics: { score_mean: 0.98 } })]), 'v1 · 1 candidate · best score 0.98');
  });

  it('formats speedups', () => {
    assert.equal(formatSpeedup(1.234), '1.23×');
    assert.equal(formatSpeedup(0), '');
    assert.equal(formatSpeedup(NaN), '');
  });
});

describe('run and promote messages', () => {
  const done: RunFinishedParams = {
    token: 't',
    spec: 'quickstart',
    workspace: 'v1',
    status: 'completed',
    result: {
      spec: 'quickstart',
      workspace: 'v1',
      optimizer: 'best-of-n',
      spentUsd: 0,
      spentTokens: 0,
      isolation: 'none',
      pins: [
        { pin: 'Kernels.SumOfSquares(int[])', functionId: '', runId: '', trials: 3, resumed: 0, evaluated: 2, bestCandidate: 'diff://b3:ab92bee883d3ffff', bestFitness: 5.5, bestMetrics: { speedup: 5.5 }, accepted: true, verdict: '', visibleSamples: 9, holdoutSamples: 3, stopReason: '' },
      ],
    },
  };

  it('names the best candidate and its speedup', () => {
    const m = describeRunFinished(done);
    assert.equal(m.severity, 'info');
    assert.equal(m.candidate, 'diff://b3:ab92bee883d3ffff');
    assert.equal(m.text, 'Sigil run quickstart/v1 finished. Kernels.SumOfSquares(int[]): best candidate ab92bee883d3, 5.50× (accepted on the holdout).');
  });

  it('says when nothing beat the baseline', () => {
    const m = describeRunFinished({ ...done, result: { ...done.result!, pins: [{ ...done.result!.pins[0], bestCandidate: null }] } });
    assert.match(m.text, /no candidate beat the baseline in 3 trials/);
    assert.equal(m.candidate, undefined);
  });

  it('shows failures with the server message, and cancels as warnings', () => {
    const failed = describeRunFinished({ ...done, status: 'failed', result: null, error: { code: 1004, message: 'No tracked samples: run the app with the tracker on.' } });
    assert.equal(failed.severity, 'error');
    assert.equal(failed.text, 'Sigil run quickstart/v1 failed: No tracked samples: run the app with the tracker on.');
    assert.equal(describeRunFinished({ ...done, status: 'cancelled', result: null }).severity, 'warning');
  });

  it('describes a promote with the manifest path', () => {
    const text = describePromote({
      manifestId: 'manifest://b3:1', manifestPath: '/p/sigil.manifest.json', recordPath: '', spec: 'quickstart', workspace: 'v1', sequence: 2,
      expiresAt: '', keyId: 'k', warnings: [],
      pins: [{ pin: 'Kernels.Root(double)', functionId: '', candidate: 'diff://b3:21e48765ca0f99', evaluator: '', evidence: '', metrics: {} }],
    });
    assert.equal(text, 'Sigil: promoted quickstart/v1 (sequence 2): Kernels.Root(double) → 21e48765ca0f. Manifest: /p/sigil.manifest.json');
  });
});

describe('ProgressTracker', () => {
  it('turns growing percentages into increments', () => {
    const t = new ProgressTracker();
    assert.deepEqual([t.increment(0), t.increment(10), t.increment(10), t.increment(5), t.increment(66), t.increment(undefined), t.increment(150)], [0, 10, 0, 0, 56, 0, 34]);
  });
});
