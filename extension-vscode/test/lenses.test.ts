import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ClientCommands, isPinArguments, pinFilter, pinsFromLensCommands, rewriteLensCommand } from '../src/lenses';

const arg = { pin: 'Kernels.SumOfSquares(int[])', spec: 'quickstart', workspace: 'v1', uri: 'file:///p/Kernels.cs' };

describe('lens command rewriting', () => {
  it('points the server commands at the client commands, keeping title and arguments', () => {
    const improve = rewriteLensCommand({ title: 'Improve this method', command: 'sigil.improve', arguments: [arg] });
    assert.equal(improve.command, ClientCommands.improveMethod);
    assert.equal(improve.title, 'Improve this method');
    assert.deepEqual(improve.arguments, [arg]);
    assert.equal(rewriteLensCommand({ title: '3 candidates', command: 'sigil.candidates.show', arguments: [arg] }).command, 'sigil.showCandidates');
    assert.equal(rewriteLensCommand({ title: 'Tracker: on', command: 'sigil.tracker.toggle' }).command, 'sigil.toggleTracker');
  });

  it('leaves other commands alone', () => {
    const c = { title: 'x', command: 'editor.action.showReferences', arguments: [1] };
    assert.equal(rewriteLensCommand(c), c);
  });

  it('collects each pin once from the lenses, in order', () => {
    const other = { ...arg, pin: 'Kernels.Root(double)' };
    const pins = pinsFromLensCommands([
      { title: 'Improve this method', command: 'sigil.improve', arguments: [other] },
      { title: 'No candidates yet', command: 'sigil.candidates.show', arguments: [other] },
      { title: 'Tracker: off', command: 'sigil.tracker.toggle' },
      undefined,
      { title: 'Improve this method', command: 'sigil.improve', arguments: [arg] },
    ]);
    assert.deepEqual(pins.map((p) => p.pin), ['Kernels.Root(double)', 'Kernels.SumOfSquares(int[])']);
  });

  it('recognizes PinCommandArguments', () => {
    assert.ok(isPinArguments(arg));
    assert.ok(!isPinArguments({ pin: '', spec: 'a', workspace: 'b' }));
    assert.ok(!isPinArguments(null));
    assert.ok(!isPinArguments({ pin: 'a' }));
  });

  it('filters runs by the qualname up to the parenthesis', () => {
    assert.equal(pinFilter('Kernels.SumOfSquares(int[])'), 'Kernels.SumOfSquares');
    assert.equal(pinFilter('Kernels.Root'), 'Kernels.Root');
  });
});
