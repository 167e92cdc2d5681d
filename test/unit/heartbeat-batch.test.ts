import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { BaselineService } from '../../collector/baseline/baseline-service.js';
import { HeartbeatBatch } from '../../collector/gateway/heartbeat-batch.js';
import { CollectorStore } from '../../collector/store/collector-store.js';
import { openDatabase } from '../../collector/store/database.js';

function setup(t: Test, delayMs = 1_000) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-heartbeats-'));
  const { db } = openDatabase(join(dir, 'vigil.db'));
  const store = new CollectorStore(db);
  const service = new BaselineService(store, { defaultMode: 'learning', windowMs: 3_600_000, now: Date.now }, pino({ level: 'silent' }));
  service.load();
  for (const id of ['agent-aaaa-1', 'agent-bbbb-2']) service.registerAgent({ agent_id: id, node: 'n', cluster: 'test' });
  const warnings: string[] = [];
  const log = pino({ level: 'warn' }, new Writable({ write: (c: Buffer, _e, cb) => (warnings.push(c.toString()), cb()) }));
  let transactions = 0;
  const batch = new HeartbeatBatch(service, (fn) => {
    transactions++;
    store.transaction(fn);
  }, log, delayMs);
  t.teardown(() => {
    batch.flush();
    service.close();
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const stored = (id: string) => db.prepare('SELECT heartbeat_ms, stats FROM agents WHERE agent_id = ?').get(id) as { heartbeat_ms: number | null; stats: string | null };
  return { db, batch, stored, warnings, transactions: () => transactions };
}

const hb = (events: number) => ({ time: { seconds: 1 }, stats: { events_total: events } });

t.test('heartbeats of many agents are stored in one transaction, the latest per agent', async (t) => {
  const { batch, stored, transactions } = setup(t);
  batch.add('agent-aaaa-1', hb(1));
  batch.add('agent-bbbb-2', hb(5));
  batch.add('agent-aaaa-1', hb(3));
  t.equal(stored('agent-aaaa-1').heartbeat_ms, null, 'not stored at once');
  batch.flush();
  t.equal(transactions(), 1);
  t.match(JSON.parse(stored('agent-aaaa-1').stats ?? '{}'), { events_total: 3 }, 'the latest heartbeat of an agent wins');
  t.match(JSON.parse(stored('agent-bbbb-2').stats ?? '{}'), { events_total: 5 });
  batch.flush();
  t.equal(transactions(), 1, 'nothing waiting: no transaction');
});

t.test('stored by the timer when nobody flushes', async (t) => {
  const { batch, stored } = setup(t, 50);
  batch.add('agent-aaaa-1', hb(2));
  const deadline = Date.now() + 5_000;
  while (stored('agent-aaaa-1').heartbeat_ms === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  t.not(stored('agent-aaaa-1').heartbeat_ms, null);
});

t.test('a storage failure is logged, not thrown: heartbeats are statistics', async (t) => {
  const { db, batch, warnings } = setup(t);
  batch.add('agent-aaaa-1', hb(2));
  db.exec('DROP TABLE agents');
  t.doesNotThrow(() => batch.flush());
  t.match(warnings.join(''), /cannot store agent heartbeats/);
});
