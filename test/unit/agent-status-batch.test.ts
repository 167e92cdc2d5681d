// Agent status changes reach the SOC stream on the next event-loop turn, all of a turn's in one
// transaction: 1,000 agents dropping at once must not cost 1,000 synced commits.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { BaselineService } from '../../collector/baseline/baseline-service.js';
import { CollectorStore } from '../../collector/store/collector-store.js';
import { openDatabase } from '../../collector/store/database.js';

const silent = pino({ level: 'silent' });
const nextTurn = () => new Promise((r) => setImmediate(r));

t.test('a turn of agent status changes is one transaction, in order, announced once', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-agent-status-'));
  const { db } = openDatabase(join(dir, 'vigil.db'));
  const service = new BaselineService(new CollectorStore(db), { defaultMode: 'learning', windowMs: 3_600_000, now: Date.now }, silent);
  service.load();
  t.teardown(() => {
    service.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  // WAL frames written by the changes below tell how many commits they took (one frame at least
  // per commit); no automatic checkpoint may reset the count meanwhile.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
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
