import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { KnownSet } from '../../agent/baseline/known-set.js';
import { Reporter } from '../../agent/baseline/reporter.js';
import { AgentMetrics } from '../../agent/metrics/agent-metrics.js';
import { StateStore } from '../../agent/state/state-store.js';
import { processObservation } from '../support/collector-client.js';

const T0 = 1_795_165_200_000_000_000n;
const quiet = pino({ level: 'silent' });
const nextTurn = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup(t: Test, windowMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-reporter-window-'));
  const store = StateStore.open({ dir, maxOutboxRows: 1000 }, quiet);
  const reporter = new Reporter(new KnownSet(), store, new AgentMetrics({ processMetrics: false }), quiet, 3_600_000, windowMs);
  let commits = 0;
  reporter.onAppended(() => commits++);
  t.teardown(async () => {
    await reporter.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  // What another process reading the file sees: only committed rows.
  const onDisk = (): number => {
    const db = new Database(join(dir, 'agent-state.db'), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  let n = 0;
  const novel = () => reporter.write(processObservation({ exe: `/opt/new/bin-${n}`, timeNs: T0 + BigInt(n++) }));
  return { store, reporter, novel, onDisk, commits: () => commits };
}

t.test('the first novel item after a quiet window is committed on the next turn', async (t) => {
  const { store, novel, onDisk, commits } = setup(t, 300);
  novel();
  t.equal(onDisk(), 0, 'not committed inside write()');
  await nextTurn();
  t.equal(store.lastSeq, 1);
  t.equal(onDisk(), 1, 'on disk one turn later');
  t.equal(commits(), 1);
});

t.test('novel items in the window after a commit go to disk together at its end, in one transaction', async (t) => {
  const { store, novel, onDisk, commits } = setup(t, 300);
  novel();
  await nextTurn();
  t.equal(commits(), 1);
  for (let i = 0; i < 4; i++) {
    novel();
    await nextTurn();
  }
  t.equal(commits(), 1, 'four turns with a novel item each: no commit while the window is open');
  t.equal(onDisk(), 1, 'they are not on disk yet (what a crash now would lose)');
  await sleep(400);
  t.equal(commits(), 2, 'one commit for the four');
  t.equal(onDisk(), 5);
  t.same(store.pending(0, 10).map((e) => e.seq), [1, 2, 3, 4, 5], 'in order, no gap');
});

t.test('close() commits what waits for its window at once', async (t) => {
  const { store, reporter, novel, onDisk } = setup(t, 10_000);
  novel();
  await nextTurn();
  novel();
  novel();
  await nextTurn();
  t.equal(onDisk(), 1, 'two items waiting for a 10 s window');
  await reporter.close();
  t.equal(store.lastSeq, 3);
  t.equal(onDisk(), 3, 'committed by close(), not lost at shutdown');
});
