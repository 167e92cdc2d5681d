// Schema 8 rebuilt alerts and baseline_items with their CHECKs as equalities joined by OR (an IN
// list of three values or more made SQLite build a temporary B-tree per written row). The rows,
// their ids and what the checks accept must be what they were.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../collector/store/database.js';
import { MIGRATIONS } from '../../collector/store/migrations.js';
import { migrateSchema } from '../../agent/state/sqlite-schema.js';

const ALERT_COLUMNS = `workload_id, container, item_key, item_type, status, first_seen_ns, last_seen_ns, count, node, evidence, created_ms, updated_ms,
  severity, severity_reason, category, severity_rule`;
const ITEM_COLUMNS = 'workload_id, container, item_key, item_type, first_seen_ns, node, added_by, image_digest, evidence, startup';

/** What each checked column accepts. */
const DOMAINS = {
  alerts: { item_type: ['process', 'network'], status: ['open', 'acknowledged', 'resolved'], severity: ['low', 'medium', 'high', 'critical'], category: ['deviation', 'review'] },
  baseline_items: { item_type: ['process', 'network'], added_by: ['learned', 'approved', 'manual'], startup: [0, 1] },
} as const;

function alertRow(i: number, set: Record<string, string | number> = {}): Record<string, string | number> {
  return {
    workload_id: 1, container: 'app', item_key: `exe:/bin/${i}`, item_type: 'process', status: 'open', first_seen_ns: 1_795_165_200_000_000_000 + i,
    last_seen_ns: 1_795_165_200_000_000_000 + i, count: i, node: `n${i}`, evidence: `{"i":${i}}`, created_ms: i, updated_ms: i + 1,
    severity: 'high', severity_reason: `reason ${i}`, category: 'deviation', severity_rule: `rule-${i}`, ...set,
  };
}

function itemRow(i: number, set: Record<string, string | number | null> = {}): Record<string, string | number | null> {
  return { workload_id: 1, container: 'app', item_key: `exe:/bin/${i}`, item_type: 'process', first_seen_ns: i, node: 'n', added_by: 'learned', image_digest: null, evidence: '{}', startup: 0, ...set };
}

const insertAlert = (db: Db, row: Record<string, string | number>): void => {
  db.prepare(`INSERT INTO alerts (${ALERT_COLUMNS}) VALUES (${ALERT_COLUMNS.split(',').map((c) => `@${c.trim()}`).join(', ')})`).run(row);
};
const insertItem = (db: Db, row: Record<string, string | number | null>): void => {
  db.prepare(`INSERT INTO baseline_items (${ITEM_COLUMNS}) VALUES (${ITEM_COLUMNS.split(', ').map((c) => `@${c}`).join(', ')})`).run(row);
};

t.test('schema 7 → 8: same rows and ids, same columns as a new database, the checks accept what they did', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-schema-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'old.db');
  const old = new Database(file);
  old.pragma('foreign_keys = ON');
  migrateSchema(old, MIGRATIONS.slice(0, 7), 'the old database');
  old.prepare("INSERT INTO workloads (key, cluster, namespace, kind, name, mode, created_ms) VALUES ('c/ns/Deployment/web', 'c', 'ns', 'Deployment', 'web', 'detecting', 1)").run();
  for (const i of [3, 7, 9]) insertAlert(old, alertRow(i, { status: i === 7 ? 'resolved' : 'open' }));
  old.prepare('DELETE FROM alerts WHERE id = 2').run(); // a gap in the ids
  insertItem(old, itemRow(1, { added_by: 'manual', image_digest: 'sha256:a', startup: 1 }));
  insertItem(old, itemRow(2));
  const before = { alerts: old.prepare('SELECT * FROM alerts ORDER BY id').all(), items: old.prepare('SELECT * FROM baseline_items ORDER BY item_key').all() };
  old.close();

  const { db, migratedFrom, version } = openDatabase(file);
  t.teardown(() => db.close());
  t.same([migratedFrom, version], [7, MIGRATIONS.length]);
  t.same(db.prepare('SELECT * FROM alerts ORDER BY id').all(), before.alerts, 'alerts kept, ids included');
  t.same(db.prepare('SELECT * FROM baseline_items ORDER BY item_key').all(), before.items, 'baseline items kept');
  t.same(db.pragma('foreign_key_check'), []);
  t.same(db.pragma('integrity_check', { simple: true }), 'ok');

  const fresh = openDatabase(':memory:').db;
  t.teardown(() => fresh.close());
  for (const table of ['alerts', 'baseline_items']) {
    t.same(db.pragma(`table_xinfo(${table})`), fresh.pragma(`table_xinfo(${table})`), `${table}: the columns of a new database`);
    t.same(db.pragma(`index_list(${table})`), fresh.pragma(`index_list(${table})`), `${table}: its indexes`);
  }
  t.same(db.pragma('index_info(alerts_status)'), fresh.pragma('index_info(alerts_status)'));

  insertAlert(db, alertRow(10));
  t.same(db.prepare('SELECT MAX(id) AS id FROM alerts').get(), { id: 4 }, 'the next alert id follows the highest');
  for (const [column, values] of Object.entries(DOMAINS.alerts)) {
    for (const [n, value] of values.entries()) insertAlert(db, alertRow(100 + n, { [column]: value }));
    t.throws(() => insertAlert(db, alertRow(200, { [column]: 'other' })), /CHECK constraint failed/, `alerts.${column} is constrained`);
  }
  for (const [column, values] of Object.entries(DOMAINS.baseline_items)) {
    for (const [n, value] of values.entries()) insertItem(db, itemRow(1000 + 10 * Object.keys(DOMAINS.baseline_items).indexOf(column) + n, { [column]: value }));
    t.throws(() => insertItem(db, itemRow(2000, { [column]: column === 'startup' ? 2 : 'other' })), /CHECK constraint failed/, `baseline_items.${column} is constrained`);
  }
  t.throws(() => insertAlert(db, alertRow(300, { workload_id: 42 })), /FOREIGN KEY constraint failed/, 'alerts still reference workloads');
  t.throws(() => insertItem(db, itemRow(1)), /UNIQUE constraint failed/, 'one baseline item per workload, container and key');
});
