import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { BaselineService } from '../../collector/baseline/baseline-service.js';
import { IngestQueue } from '../../collector/gateway/ingest-queue.js';
import { CollectorMetrics } from '../../collector/metrics/collector-metrics.js';
import { CollectorStore } from '../../collector/store/collector-store.js';
import { openDatabase } from '../../collector/store/database.js';
import { processObservation, report } from '../support/collector-client.js';

const T0 = 1_795_165_200_000_000_000n;
const silent = pino({ level: 'silent' });

function setup(t: Test, maxReports = 500, windowMs?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-ingest-queue-'));
  const { db } = openDatabase(join(dir, 'vigil.db'));
  const service = new BaselineService(new CollectorStore(db), { defaultMode: 'learning', windowMs: 3_600_000, now: Date.now }, silent);
  service.load();
  for (const id of ['agent-aaaa-1', 'agent-bbbb-2']) service.registerAgent({ agent_id: id, node: 'n', cluster: 'test' });
  const metrics = new CollectorMetrics({ processMetrics: false });
  const queue = new IngestQueue(service, metrics, silent, maxReports, windowMs);
  t.teardown(() => {
    service.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const transactions = async (): Promise<number> => (await metrics.ingestBatch.get()).values.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0;
  return { db, queue, transactions };
}

const reports = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => report(from + i, processObservation({ exe: `/bin/tool-${from + i}`, timeNs: T0 + BigInt(from + i) })));

const nextTurn = () => new Promise((r) => setImmediate(r));

t.test('an idle queue commits on the next event-loop turn, with no timer', async (t) => {
  const { queue, transactions } = setup(t);
  let stored: number | null = null;
  void queue.submit('agent-aaaa-1', reports(1, 3)).then((seq) => (stored = seq));
  t.equal(stored, null, 'not acknowledged before the commit');
  await nextTurn();
  t.equal(stored, 3, 'stored and acknowledged one turn later');
  t.equal(await transactions(), 1);
});

t.test('what arrives in one turn, from several agents, is one transaction', async (t) => {
  const { queue, transactions } = setup(t);
  const a = queue.submit('agent-aaaa-1', reports(1, 2));
  const b = queue.submit('agent-bbbb-2', reports(1, 4));
  const a2 = queue.submit('agent-aaaa-1', reports(3, 2));
  t.same(await Promise.all([a, b, a2]), [4, 4, 4], 'each submitter learns its own agent\'s stored sequence');
  t.equal(await transactions(), 1);
});

t.test('a full batch is committed at once; the rest follows within the commit window', async (t) => {
  const { queue, transactions } = setup(t, 10);
  let first: number | null = null;
  void queue.submit('agent-aaaa-1', reports(1, 6)).then((seq) => (first = seq));
  const second = queue.submit('agent-aaaa-1', reports(7, 6));
  t.equal(await transactions(), 1, 'committed inside submit, without waiting for the turn');
  await Promise.resolve();
  t.equal(first, 12);
  t.equal(await second, 12);
  const third = queue.submit('agent-aaaa-1', reports(13, 1));
  t.equal(await third, 13);
  t.equal(await transactions(), 2);
});

t.test('a failed commit rejects every submitter: nothing is acknowledged', async (t) => {
  const { db, queue } = setup(t);
  const ok = await queue.submit('agent-aaaa-1', reports(1, 1));
  t.equal(ok, 1);
  db.exec('DROP TABLE agents');
  const a = queue.submit('agent-aaaa-1', reports(2, 1));
  const b = queue.submit('agent-bbbb-2', reports(1, 1));
  await t.rejects(a);
  await t.rejects(b);
});

t.test('reports submitted in the window after a commit wait for its end and share one transaction', async (t) => {
  const { queue, transactions } = setup(t, 2000, 300);
  t.equal(await queue.submit('agent-aaaa-1', reports(1, 1)), 1, 'an idle queue commits on the next turn');
  const acked: number[] = [];
  // Two agents trickling, one report per turn each: before pacing, one synced commit per turn.
  for (let i = 0; i < 3; i++) {
    void queue.submit('agent-aaaa-1', reports(2 + i, 1)).then((seq) => acked.push(seq));
    void queue.submit('agent-bbbb-2', reports(1 + i, 1)).then((seq) => acked.push(seq));
    await nextTurn();
  }
  t.same(acked, [], 'nothing acknowledged while the window is open: nothing is on disk yet');
  t.equal(await transactions(), 1);
  await new Promise((r) => setTimeout(r, 400));
  t.equal(await transactions(), 2, 'one transaction at the end of the window for all six');
  t.same(acked.sort(), [3, 3, 3, 4, 4, 4], "each submitter acknowledged with its agent's stored sequence, after the commit");
});
