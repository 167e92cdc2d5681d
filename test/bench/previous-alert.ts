// An item's latest resolved alert, looked up in a large alerts table: what a repeat count for an
// item with no open alert (resolved, the process still running) and a start-up match cost.
// Rows are written straight into a real SQLite file (schema as shipped, 9 in 10 alerts open,
// 1,000 workloads); then, for BENCH_PREVIOUS_SECONDS each, the store's lookup through the partial
// index of schema 9, and the query of schema 8 (no index on the item: a scan of the table) for
// comparison. Each lookup asks for a random item, half of them with a resolved alert.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CollectorStore } from '../../collector/store/collector-store.js';
import { openDatabase, type Db } from '../../collector/store/database.js';
import { describeMachine, machine, record } from './machine.js';

const SIZES = (process.env.BENCH_ALERT_ROWS ?? '100000,1000000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_PREVIOUS_SECONDS ?? 3);
const WORKLOADS = 1000;
const SCHEMA_8_QUERY = `SELECT item_type, node, evidence, severity, severity_reason, severity_rule FROM alerts
  WHERE workload_id = ? AND container = ? AND item_key = ? ORDER BY id DESC LIMIT 1`;

function fill(db: Db, rows: number): void {
  db.transaction(() => {
    db.prepare(`WITH RECURSIVE w(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM w WHERE i < ${WORKLOADS})
      INSERT INTO workloads (key, cluster, namespace, kind, name, mode, created_ms) SELECT 'c/ns/Deployment/svc-' || i, 'c', 'ns', 'Deployment', 'svc-' || i, 'detecting', 1 FROM w`).run();
    db.prepare(`WITH RECURSIVE a(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM a WHERE i < ${rows - 1})
      INSERT INTO alerts (workload_id, container, item_key, item_type, status, first_seen_ns, last_seen_ns, count, node, evidence, created_ms, updated_ms, severity, severity_reason)
      SELECT 1 + i % ${WORKLOADS}, 'app', 'exe:/usr/bin/tool-' || i, 'process', CASE WHEN i % 10 = 0 THEN 'resolved' ELSE 'open' END, i, i, 1, 'node-1',
        '{"pod":"svc-0-abc","cmdline":"tool --flag"}', 1, 1, 'medium', 'a binary not in the baseline' FROM a`).run();
  })();
}

/** Lookups per second of `lookup` for `seconds` (at least 3 calls); also whether they found something. */
function measure(rows: number, seconds: number, lookup: (workloadId: number, itemKey: string) => unknown): { perSecond: number; calls: number; found: number } {
  let calls = 0;
  let found = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (calls < 3 || performance.now() < until) {
    // Items i ≡ 0 (mod 10) were resolved; the others are open (not asked for by the service).
    const i = Math.floor(Math.random() * (rows / 10)) * 10 + (calls % 2 === 0 ? 0 : 5);
    if (lookup(1 + (i % WORKLOADS), `exe:/usr/bin/tool-${i}`) !== undefined) found++;
    calls++;
  }
  return { perSecond: Math.round((calls / (performance.now() - start)) * 1000), calls, found };
}

const m = machine();
console.log(`\nprevious-alert benchmark — ${describeMachine(m)}`);
const figures: Array<{ rows: number; indexed: ReturnType<typeof measure>; schema8Scan: ReturnType<typeof measure> }> = [];
for (const rows of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-previous-'));
  try {
    const { db } = openDatabase(join(dir, 'vigil.db'));
    fill(db, rows);
    const store = new CollectorStore(db);
    const old = db.prepare(SCHEMA_8_QUERY);
    const indexed = measure(rows, SECONDS, (w, key) => store.latestResolvedAlert(w, 'app', key));
    const schema8Scan = measure(rows, SECONDS, (w, key) => old.get(w, 'app', key));
    db.close();
    figures.push({ rows, indexed, schema8Scan });
    console.log(
      `${rows.toLocaleString()} alert rows: ${indexed.perSecond.toLocaleString()} lookups/s through the index (${indexed.found}/${indexed.calls} found); ` +
        `schema 8's query (scan): ${schema8Scan.perSecond.toLocaleString()}/s (${schema8Scan.calls} calls)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`figures written to ${record('previous-alert', { seconds: SECONDS, workloads: WORKLOADS, sizes: figures })}`);
