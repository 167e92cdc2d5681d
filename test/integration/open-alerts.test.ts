// One alert per workload, container and item until it is resolved. Since schema 7 no unique
// index enforces it: the baseline service keeps the open alerts in memory, rebuilt from the
// database at start-up and after a rolled-back batch. These tests hold it to the same rule the
// index did. Since schema 9 an item's resolved alerts are found through a partial index.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { BaselineService } from '../../collector/baseline/baseline-service.js';
import { CollectorStore, LATEST_RESOLVED_ALERT_SQL } from '../../collector/store/collector-store.js';
import { ApiQueries } from '../../collector/store/api-queries.js';
import { openDatabase, type Db } from '../../collector/store/database.js';
import { MIGRATIONS } from '../../collector/store/migrations.js';
import { migrateSchema } from '../../agent/state/sqlite-schema.js';
import type { vigil } from '../../proto/gen/vigil.js';
import { processObservation, report } from '../support/collector-client.js';

const T0 = 1_795_165_200_000_000_000n;
const MS = 1_000_000n;
const WEB = { cluster: 'test', namespace: 'shop', kind: 'Deployment', name: 'web' };
const silent = pino({ level: 'silent' });

interface Fixture {
  readonly file: string;
  db: Db;
  service: BaselineService;
  seq: number;
  /** Sends reports of the named executables (one each) from `agent-1`, at `atMs` after T0. */
  see(exes: string[], atMs?: number): vigil.v1.IReport[];
  repeat(exe: string, count: number): void;
  /** Closes and opens the database and the service again (a collector restart). */
  restart(): void;
  alerts(): Array<{ id: number; item_key: string; status: string; count: number }>;
}

function fixture(t: Test, file?: string): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-open-alerts-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const open = (path: string): { db: Db; service: BaselineService } => {
    const { db } = openDatabase(path);
    const service = new BaselineService(new CollectorStore(db), { defaultMode: 'detecting', windowMs: 60_000, now: () => Number(T0 / MS) }, silent);
    service.load();
    return { db, service };
  };
  const f: Fixture = {
    file: file ?? join(dir, 'vigil.db'),
    ...open(file ?? join(dir, 'vigil.db')),
    seq: 0,
    see(exes, atMs = 0) {
      const reports = exes.map((exe) => report(++f.seq, processObservation({ exe, timeNs: T0 + BigInt(atMs) * MS })));
      f.service.applyBatches([{ agentId: 'agent-1', reports }]);
      return reports;
    },
    repeat(exe, count) {
      const seen = { seconds: Number(T0 / 1_000_000_000n) };
      f.service.applyBatches([{ agentId: 'agent-1', reports: [{ seq: ++f.seq, repeat: { workload: WEB, container: 'app', item_key: `exe:${exe}`, count, first_seen: seen, last_seen: seen } }] }]);
    },
    restart() {
      f.service.close();
      f.db.close();
      Object.assign(f, open(f.file));
    },
    alerts() {
      return f.db.prepare('SELECT id, item_key, status, count FROM alerts ORDER BY id').all() as Array<{ id: number; item_key: string; status: string; count: number }>;
    },
  };
  t.teardown(() => {
    f.service.close();
    f.db.close();
  });
  return f;
}

/** A database file at an older schema holding the detecting workload `web`. */
function oldDatabase(t: Test, steps: number): { file: string; old: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-open-alerts-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'old.db');
  const old = new Database(file);
  migrateSchema(old, MIGRATIONS.slice(0, steps), 'the old database');
  old.prepare("INSERT INTO workloads (key, cluster, namespace, kind, name, mode, created_ms) VALUES ('test/shop/Deployment/web', 'test', 'shop', 'Deployment', 'web', 'detecting', 1)").run();
  old.prepare("INSERT INTO mode_history (workload_id, from_ns, mode, actor, at_ms) VALUES (1, 1, 'detecting', 'default', 1)").run();
  return { file, old };
}

t.test('a sighting aggregates into the open or acknowledged alert; after a resolve it opens a new one', async (t) => {
  const f = fixture(t);
  f.see(['/bin/x', '/bin/x']);
  f.see(['/bin/x']);
  t.same(f.alerts(), [{ id: 1, item_key: 'exe:/bin/x', status: 'open', count: 3 }]);
  t.ok(f.service.setAlertStatus(1, 'acknowledged', 'oscar'));
  f.repeat('/bin/x', 4);
  t.same(f.alerts(), [{ id: 1, item_key: 'exe:/bin/x', status: 'acknowledged', count: 7 }], 'an acknowledged alert is still the open one');
  t.ok(f.service.setAlertStatus(1, 'resolved', 'oscar'));
  f.see(['/bin/x']);
  f.see(['/bin/x']);
  t.same(f.alerts(), [
    { id: 1, item_key: 'exe:/bin/x', status: 'resolved', count: 7 },
    { id: 2, item_key: 'exe:/bin/x', status: 'open', count: 2 },
  ]);
  t.notOk(f.service.setAlertStatus(1, 'acknowledged', 'oscar'), 'a resolved alert stays resolved');
  t.notOk(f.service.setAlertStatus(99, 'resolved', 'oscar'), 'an unknown alert');
  t.same(f.alerts()[0], { id: 1, item_key: 'exe:/bin/x', status: 'resolved', count: 7 });
  const updates = f.db.prepare("SELECT payload FROM stream WHERE type = 'alert.updated' ORDER BY seq").all() as Array<{ payload: string }>;
  t.same(
    updates.map((u) => JSON.parse(u.payload) as unknown),
    [
      { alert: 1, count: 2, status: 'open' },
      { alert: 1, count: 3, status: 'open' },
      { alert: 1, count: 3, status: 'acknowledged' },
      { alert: 1, count: 7, status: 'acknowledged' },
      { alert: 1, count: 7, status: 'resolved' },
      { alert: 2, count: 2, status: 'open' },
    ],
    'each update carries the count after it',
  );
});

t.test('approving resolves: the item joins the baseline and nothing aggregates into the old alert', async (t) => {
  const f = fixture(t);
  f.see(['/bin/y']);
  t.ok(f.service.approve(1, 'oscar'));
  f.see(['/bin/y']);
  f.repeat('/bin/y', 2);
  t.same(f.alerts(), [{ id: 1, item_key: 'exe:/bin/y', status: 'resolved', count: 1 }], 'known now: no new alert, no count');
});

t.test('open alerts survive a restart; resolved ones do not come back', async (t) => {
  const f = fixture(t);
  f.see(['/bin/a', '/bin/b']);
  f.service.setAlertStatus(2, 'resolved', 'oscar');
  f.restart();
  f.see(['/bin/a', '/bin/b']);
  t.same(f.alerts(), [
    { id: 1, item_key: 'exe:/bin/a', status: 'open', count: 2 },
    { id: 2, item_key: 'exe:/bin/b', status: 'resolved', count: 1 },
    { id: 3, item_key: 'exe:/bin/b', status: 'open', count: 1 },
  ]);
  const workloads = new ApiQueries(f.db).listWorkloads();
  t.match(workloads, [{ key: 'test/shop/Deployment/web', open_alerts: 2 }], 'open and acknowledged alerts are counted per workload');
});

t.test('a rolled-back batch leaves no open alert behind in memory', async (t) => {
  const f = fixture(t);
  f.see(['/bin/first']);
  const pages = f.db.pragma('page_count', { simple: true }) as number;
  f.db.pragma(`max_page_count = ${pages}`);
  const big = Array.from({ length: 300 }, (_, i) => report(f.seq + i + 1, processObservation({ exe: `/bin/${'z'.repeat(200)}-${i}`, timeNs: T0 })));
  t.throws(() => f.service.applyBatches([{ agentId: 'agent-1', reports: big }]), { code: 'SQLITE_FULL' });
  f.db.pragma('max_page_count = 1073741823');
  t.same(f.alerts().length, 1, 'rolled back');
  // Another item first takes the id the rolled-back batch had given its first alert: an entry
  // left in memory would now point at it.
  f.see(['/bin/other']);
  f.service.applyBatches([{ agentId: 'agent-1', reports: big.map((r, i) => ({ ...r, seq: f.seq + i + 1 })) }]);
  f.seq += big.length;
  f.see([`/bin/${'z'.repeat(200)}-0`]);
  const rows = f.alerts();
  t.equal(rows.length, 302, 'one alert per item after the resend');
  t.same(rows.slice(0, 3).map((r) => [r.item_key, r.count]), [['exe:/bin/first', 1], ['exe:/bin/other', 1], [`exe:/bin/${'z'.repeat(200)}-0`, 2]], 'each sighting went to its own item\'s alert');
});

t.test('schema 6 → 7: the unique index goes; the open alert of an item keeps aggregating', async (t) => {
  const { file, old } = oldDatabase(t, 6);
  const alert = old.prepare(`INSERT INTO alerts (workload_id, container, item_key, item_type, status, first_seen_ns, last_seen_ns, count, node, evidence, created_ms, updated_ms)
    VALUES (1, 'app', 'exe:/bin/x', 'process', ?, 1, 1, ?, 'n', '{}', 1, 1)`);
  alert.run('resolved', 4);
  alert.run('acknowledged', 2);
  t.throws(() => alert.run('open', 1), /UNIQUE constraint failed/, 'schema 6 refused a second open alert');
  old.close();
  const f = fixture(t, file);
  t.equal(f.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  t.same(f.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'alerts_active'").all(), [], 'the index is gone');
  f.see(['/bin/x']);
  t.same(f.alerts(), [
    { id: 1, item_key: 'exe:/bin/x', status: 'resolved', count: 4 },
    { id: 2, item_key: 'exe:/bin/x', status: 'acknowledged', count: 3 },
  ]);
});

t.test('an alert resolved behind the service is not aggregated into: the sighting opens a new one', async (t) => {
  const f = fixture(t);
  f.see(['/bin/x']);
  f.db.prepare("UPDATE alerts SET status = 'resolved'").run();
  f.see(['/bin/x']);
  f.see(['/bin/x']);
  t.same(f.alerts(), [
    { id: 1, item_key: 'exe:/bin/x', status: 'resolved', count: 1 },
    { id: 2, item_key: 'exe:/bin/x', status: 'open', count: 2 },
  ]);
});

t.test('schema 8 → 9: resolved alerts indexed by item; a repeat after a resolve copies the latest one without a scan', async (t) => {
  const { file, old } = oldDatabase(t, 8);
  const alert = old.prepare(`INSERT INTO alerts (workload_id, container, item_key, item_type, status, first_seen_ns, last_seen_ns, count, node, evidence, created_ms, updated_ms, severity, severity_reason)
    VALUES (1, 'app', ?, 'process', 'resolved', 1, 1, 1, 'n', '{}', 1, 1, ?, ?)`);
  alert.run('exe:/bin/x', 'low', 'older');
  alert.run('exe:/bin/x', 'critical', 'latest');
  alert.run('exe:/bin/y', 'high', 'other item');
  old.close();
  const f = fixture(t, file);
  t.equal(f.db.pragma('user_version', { simple: true }), MIGRATIONS.length);

  const plan = (f.db.prepare(`EXPLAIN QUERY PLAN ${LATEST_RESOLVED_ALERT_SQL}`).all(1, 'app', 'exe:/bin/x') as Array<{ detail: string }>).map((r) => r.detail);
  t.same(plan, ['SEARCH alerts USING INDEX alerts_resolved_item (workload_id=? AND container=? AND item_key=?)'], 'an index search: no scan, no sort');

  f.repeat('/bin/x', 3);
  const reopened = f.db.prepare("SELECT item_key, status, count, severity, severity_reason FROM alerts WHERE status = 'open'").all();
  t.same(reopened, [{ item_key: 'exe:/bin/x', status: 'open', count: 3, severity: 'critical', severity_reason: 'latest' }], 'copied from the latest resolved alert of the item');
  t.ok(f.service.setAlertStatus(4, 'resolved', 'oscar'));
  f.repeat('/bin/x', 2);
  t.same(
    f.db.prepare("SELECT id, count, severity FROM alerts WHERE status = 'open'").all(),
    [{ id: 5, count: 2, severity: 'critical' }],
    'an alert resolved by the service is found through the index as well',
  );
});
