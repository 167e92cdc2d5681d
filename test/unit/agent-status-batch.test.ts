// Agent status changes and hellos are written on the next event-loop turn, all of a turn's in one
// transaction: 1,000 agents dropping or reconnecting at once must not cost 1,000 synced commits.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { BaselineService } from '../../collector/baseline/baseline-service.js';
import { CollectorStore } from '../../collector/store/collector-store.js';
import { openDatabase, type Db } from '../../collector/store/database.js';

const silent = pino({ level: 'silent' });
const nextTurn = () => new Promise((r) => setImmediate(r));

/**
 * A service on a new database. WAL frames written by a change tell how many commits it took (one
 * frame at least per commit), so no automatic checkpoint may reset the count meanwhile.
 */
function freshService(t: Test): { db: Db; service: BaselineService } {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-agent-status-'));
  const { db } = openDatabase(join(dir, 'vigil.db'));
  const service = new BaselineService(new CollectorStore(db), { defaultMode: 'learning', windowMs: 3_600_000, now: Date.now }, silent);
  service.load();
  t.teardown(() => {
    service.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, service };
}

t.test('a turn of agent status changes is one transaction, in order, announced once', async (t) => {
  const { db, service } = freshService(t);
  const announced: number[] = [];
  service.on('stream', (seq: number) => announced.push(seq));

  for (let i = 0; i < 1000; i++) service.agentStatus(`agent-${i}`, `node-${i}`, i % 2 === 0);
  const count = (): number => (db.prepare("SELECT count(*) AS n FROM stream WHERE type = 'agent.status'").get() as { n: number }).n;
  t.equal(count(), 0, 'nothing written within the turn');
  await nextTurn();
  await nextTurn();

  const rows = db.prepare("SELECT seq, payload FROM stream WHERE type = 'agent.status' ORDER BY seq").all() as Array<{ seq: number; payload: string }>;
  t.equal(rows.length, 1000, 'every change stored');
  t.same(JSON.parse(rows[0]?.payload ?? '{}'), { agent: 'agent-0', node: 'node-0', connected: true });
  t.same(JSON.parse(rows[999]?.payload ?? '{}'), { agent: 'agent-999', node: 'node-999', connected: false });
  t.ok(rows.every((r, i) => i === 0 || r.seq === (rows[i - 1]?.seq ?? 0) + 1), 'in the order they happened');
  t.same(announced, [rows[999]?.seq], 'one announcement, of the last sequence');
  const log = (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]?.log ?? Infinity;
  t.ok(log < 100, `written in one transaction (${log} WAL frames; one commit per change writes 1,000 or more)`);

  // close() writes what is still queued (a collector stopping as its agents disconnect).
  service.agentStatus('agent-last', 'node-last', false);
  service.close();
  t.equal(count(), 1001, 'flushed by close()');
});

t.test("hellos are written with the turn's status changes, and before any report of theirs", async (t) => {
  const { db, service } = freshService(t);
  const agents = (): number => (db.prepare('SELECT count(*) AS n FROM agents').get() as { n: number }).n;
  const seqOf = (id: string): number | undefined => (db.prepare('SELECT last_seq FROM agents WHERE agent_id = ?').get(id) as { last_seq: number } | undefined)?.last_seq;

  // 1,000 agents reconnect at once: their hellos and status changes in one transaction.
  for (let i = 0; i < 1000; i++) {
    t.equal(service.registerAgent({ agent_id: `agent-${String(i).padStart(4, '0')}`, node: `node-${i}`, cluster: 'prod', agent_version: '1.0.0' }), 0);
    service.agentStatus(`agent-${String(i).padStart(4, '0')}`, `node-${i}`, true);
  }
  t.equal(agents(), 0, 'nothing written within the turn');
  await nextTurn();
  await nextTurn();
  t.equal(agents(), 1000, 'every agent stored');
  const frames = (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]?.log ?? Infinity;
  t.ok(frames < 150, `hellos and status changes in one transaction (${frames} WAL frames; a commit per hello writes 1,000 or more)`);

  // A new agent's reports stored in the same turn as its hello: its row is written first, so
  // the sequence it reached is kept (a resend after a reconnect is then a duplicate).
  t.equal(service.registerAgent({ agent_id: 'agent-new-1', node: 'n', cluster: 'prod' }), 0);
  const obs = { workload: { cluster: 'prod', namespace: 'shop', kind: 'Deployment', name: 'web' }, container: 'app', process: { exe: '/bin/sh' } };
  const reports = [1, 2, 3].map((seq) => ({ seq, observation: { ...obs, process: { exe: `/bin/p${seq}` } } }));
  service.applyBatches([{ agentId: 'agent-new-1', reports }]);
  t.equal(seqOf('agent-new-1'), 3, 'the sequence is stored with the reports');
  t.equal(service.registerAgent({ agent_id: 'agent-new-1', node: 'n', cluster: 'prod' }), 3, 'and given back on the next hello');
  t.same(service.applyBatches([{ agentId: 'agent-new-1', reports }]).counts.duplicate, 3, 'a resend is duplicates');

  // A heartbeat flushed before the turn ends also writes the hello first.
  service.registerAgent({ agent_id: 'agent-new-2', node: 'n2', cluster: 'prod' });
  service.heartbeat('agent-new-2', { stats: { events_total: 5 } });
  service.flushHeartbeats();
  t.ok((db.prepare('SELECT heartbeat_ms FROM agents WHERE agent_id = ?').get('agent-new-2') as { heartbeat_ms: number | null } | undefined)?.heartbeat_ms, 'its heartbeat is stored');
});
