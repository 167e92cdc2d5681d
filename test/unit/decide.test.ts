import t from 'tap';
import { convergence, decide, modeAt, windowEndNs, withChange, type ModeChange } from '../../collector/baseline/decide.js';

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

t.test('convergence: lock when quiet with enough sources, else learn on, never past the maximum', async (t) => {
  const S = 1_000_000_000n; // 1 s in ns
  const rule = { quietMs: 600_000, minSources: 2, maxMs: 4 * 3_600_000 };
  const at = (s: number): bigint => 1_000n * S + BigInt(s) * S;
  const p = (now: number, lastNew: number | null, pods: number, nodes: number, end = 3600) => ({ startNs: at(0), windowEndNs: at(end), nowNs: at(now), lastNewNs: lastNew === null ? null : at(lastNew), pods, nodes });
  t.same(convergence(rule, p(3610, 3000, 2, 1)), { lock: true, atNs: at(3600) }, 'quiet for 10 min, items from 2 pods: locked at the window end');
  t.same(convergence(rule, p(3610, 3000, 1, 2)), { lock: true, atNs: at(3600) }, 'or from 2 nodes');
  t.same(convergence(rule, p(4300, 3590, 2, 2, 4200)), { lock: true, atNs: at(4200) }, 'the quiet period ended before the (moved) window end');
  t.same(convergence(rule, p(4300, 3650, 2, 2, 3600)), { lock: true, atNs: at(4250) }, 'an item after the window end: locked when its quiet period ended, after it');
  t.same(convergence(rule, p(3600, 3500, 3, 3)), { lock: false, untilNs: at(3500 + 600) }, 'a new item 100 s ago: until 10 min after it');
  t.same(convergence(rule, p(3600, 100, 1, 1)), { lock: false, untilNs: at(3600 + 600) }, 'quiet but one pod on one node: another quiet period');
  t.same(convergence(rule, p(3600, null, 0, 0)), { lock: false, untilNs: at(3600 + 600) }, 'nothing learned yet counts as quiet since the start, but no sources');
  t.same(convergence(rule, p(14_000, 13_990, 1, 1)), { lock: false, untilNs: at(14_400) }, 'never past start + max');
  t.same(convergence(rule, p(14_410, 14_399, 1, 1)), { lock: true, atNs: at(14_400) }, 'at the maximum it locks whatever the state, at the maximum');
});
