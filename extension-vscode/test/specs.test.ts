import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { mergeSpecs, scanCSharp } from '../src/specs';
import { buildTree, specDescription } from '../src/treeModel';
import { CandidateSummary } from '../src/protocol';

describe('scanCSharp', () => {
  it('finds assembly specs and [Improve] pins with their workspaces', () => {
    const r = scanCSharp(`
      using Sigil;
      [assembly: Spec("quickstart", Description = "x", StoreRawInputs = true)]
      public static class Kernels {
        [Improve("quickstart", Eval = nameof(RootError), Workspace = "v1")]
        public static double Root(double x) => x;
        // [Improve("commented", Eval = nameof(X))]
        /* [Improve("blocked")] */
        [Sigil.Improve("other")]
        public static int Twice<T>(int y) => y * 2;
      }`);
    assert.deepEqual(r.specs, ['quickstart', 'other']);
    assert.deepEqual(r.pins, [
      { spec: 'quickstart', workspace: 'v1', method: 'Root' },
      { spec: 'other', workspace: 'default', method: 'Twice' },
    ]);
  });

  it('merges spec lists sorted and without duplicates', () => {
    assert.deepEqual(mergeSpecs(['b', 'a'], ['a', '', 'c']), ['a', 'b', 'c']);
  });
});

describe('buildTree', () => {
  const c = (pin: string, id: string, workspace = 'v1'): CandidateSummary => ({
    workspace, pin, functionId: '', candidate: id, summary: '', evalFunction: '', correct: true, speedup: 2, metrics: {}, createdAt: '', servedCalls: 0,
  });

  it('groups candidates by workspace and pin and adds lens pins without candidates', () => {
    const tree = buildTree(
      ['quickstart'],
      new Map([['quickstart', [c('Kernels.SumOfSquares(int[])', 'diff://b3:1'), c('Kernels.SumOfSquares(int[])', 'diff://b3:2')]]]),
      [
        { pin: 'Kernels.Root(double)', spec: 'quickstart', workspace: 'v1' },
        { pin: 'Other.X()', spec: 'elsewhere', workspace: 'v1' },
      ],
    );
    assert.equal(tree.length, 1);
    assert.deepEqual(tree[0].pins.map((p) => [p.pin, p.candidates.length]), [['Kernels.Root(double)', 0], ['Kernels.SumOfSquares(int[])', 2]]);
    assert.equal(specDescription(tree[0]), '2 pins · 2 candidates');
  });

  it('keeps the error of a spec that could not be listed', () => {
    const tree = buildTree(['s'], new Map([['s', { error: 'No sigil.json' }]]), []);
    assert.equal(tree[0].error, 'No sigil.json');
    assert.equal(specDescription(tree[0]), 'No sigil.json');
  });
});
