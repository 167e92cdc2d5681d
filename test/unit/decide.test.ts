import t from 'tap';
import { decide, modeAt, windowEndNs, withChange, type ModeChange } from '../../collector/baseline/decide.js';

const history: ModeChange[] = [
  { fromNs: 1_000n, mode: 'learning' },
  { fromNs: 5_000n, mode: 'detecting' },
  { fromNs: 9_000n, mode: 'disabled' },
];

t.test('mode at the event time, with the boundary belonging to the new mode', async (t) => {
  t.equal(modeAt(history, 500n), 'learning', 'before the first change: the first mode');
  t.equal(modeAt(history, 1_000n), 'learning');
  t.equal(modeAt(history, 4_999n), 'learning', 'a late report from just before the lock');
  t.equal(modeAt(history, 5_000n), 'detecting', 'at the lock');
  t.equal(modeAt(history, 8_999n), 'detecting');
  t.equal(modeAt(history, 10_000n), 'disabled');
  t.equal(modeAt([], 1n), 'learning', 'no history: learning');
});

t.test('decisions', async (t) => {
  t.equal(decide('learning', false), 'learn');
  t.equal(decide('detecting', false), 'alert');
  t.equal(decide('disabled', false), 'count');
  for (const mode of ['learning', 'detecting', 'disabled'] as const) t.equal(decide(mode, true), 'known', `${mode}: baseline items are known`);
});

t.test('window end and history insertion', async (t) => {
  t.equal(windowEndNs(1_795_165_200_000_000_000n, 3_600_000), 1_795_168_800_000_000_000n);
  const h = withChange(history, { fromNs: 7_000n, mode: 'learning' });
  t.same(h.map((c) => c.fromNs), [1_000n, 5_000n, 7_000n, 9_000n]);
  t.equal(modeAt(h, 7_500n), 'learning');
  t.same(withChange([], { fromNs: 3n, mode: 'disabled' }), [{ fromNs: 3n, mode: 'disabled' }]);
  t.equal(history.length, 3, 'the input is not changed');
});
