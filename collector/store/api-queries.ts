// Read queries behind the HTTP API and the SOC stream. Statements prepared once; results are
// plain JSON-ready objects (nanosecond times as RFC 3339 text).
import type { Statement } from 'better-sqlite3';
import { formatRfc3339Ns } from '../../agent/falco/event.js';
import type { Db } from './database.js';

export interface AlertFilter {
  readonly namespace?: string;
  readonly workload?: string;
  readonly kind?: string;
  readonly status?: 'open' | 'acknowledged' | 'resolved';
  /** `review`: never-learn items seen while learning; `deviation`: the rest. */
  readonly category?: 'deviation' | 'review';
  /** Any of these severities (an "at least" filter expands to them). */
  readonly severities?: readonly string[];
  /** Event-time bounds on last_seen, ns. */
  readonly sinceNs?: bigint;
  readonly untilNs?: bigint;
  /** Return alerts with id below this (newest first paging). */
  readonly before?: number;
  readonly limit: number;
}

export interface AlertJson {
  id: number;
  workload: { key: string; cluster: string; namespace: string; kind: string; name: string };
  container: string;
  item: string;
  type: string;
  status: string;
  severity: string;
  severity_reason: string;
  severity_rule: string;
  category: string;
  count: number;
  first_seen: string;
  last_seen: string;
  node: string;
  evidence?: Record<string, unknown>;
}

export interface StreamRow {
  seq: number;
  at_ms: number;
  type: string;
  payload: Record<string, unknown>;
}

const time = (ns: unknown): string => formatRfc3339Ns(BigInt(ns as bigint));

export class ApiQueries {
  private readonly alertOne: Statement;
  private readonly workloadsAll: Statement;
  private readonly workloadOne: Statement;
  private readonly itemsOf: Statement;
  private readonly imagesOf: Statement;
  private readonly agentsAll: Statement;
  private readonly auditPage: Statement;
  private readonly streamPage: Statement;
  private readonly streamBounds: Statement;

  constructor(private readonly db: Db) {
    this.alertOne = db
      .prepare('SELECT a.*, w.key, w.cluster, w.namespace, w.kind, w.name FROM alerts a JOIN workloads w ON w.id = a.workload_id WHERE a.id = ?')
      .safeIntegers(true);
    this.workloadsAll = db
      // Open alerts counted in one pass over them (alerts_status), not once per workload: no
      // index on alerts leads by workload.
      .prepare(`SELECT w.*, (SELECT COUNT(*) FROM baseline_items b WHERE b.workload_id = w.id) AS items,
        COALESCE(o.n, 0) AS open_alerts
        FROM workloads w LEFT JOIN (SELECT workload_id, COUNT(*) AS n FROM alerts WHERE status IN ('open', 'acknowledged') GROUP BY workload_id) o
          ON o.workload_id = w.id
        ORDER BY w.namespace, w.kind, w.name`)
      .safeIntegers(true);
    this.workloadOne = db.prepare('SELECT * FROM workloads WHERE key = ?').safeIntegers(true);
    this.itemsOf = db.prepare('SELECT * FROM baseline_items WHERE workload_id = ? ORDER BY container, item_key').safeIntegers(true);
    this.imagesOf = db.prepare('SELECT * FROM workload_images WHERE workload_id = ? ORDER BY container, first_seen_ns').safeIntegers(true);
    this.agentsAll = db.prepare('SELECT * FROM agents ORDER BY node');
    this.auditPage = db.prepare('SELECT * FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?');
    this.streamPage = db.prepare('SELECT * FROM stream WHERE seq > ? ORDER BY seq LIMIT ?');
    // One aggregate per subquery: SQLite answers a lone MIN or MAX of the key from the end of the
    // B-tree, but MIN and MAX together in one SELECT read the whole table (every client connect).
    this.streamBounds = db.prepare('SELECT COALESCE((SELECT MIN(seq) FROM stream), 0) AS first, COALESCE((SELECT MAX(seq) FROM stream), 0) AS last');
  }

  listAlerts(f: AlertFilter): AlertJson[] {
    const where: string[] = [];
    const args: Array<string | number | bigint> = [];
    if (f.namespace !== undefined) (where.push('w.namespace = ?'), args.push(f.namespace));
    if (f.workload !== undefined) (where.push('w.name = ?'), args.push(f.workload));
    if (f.kind !== undefined) (where.push('w.kind = ?'), args.push(f.kind));
    if (f.status !== undefined) (where.push('a.status = ?'), args.push(f.status));
    if (f.category !== undefined) (where.push('a.category = ?'), args.push(f.category));
    if (f.severities !== undefined) (where.push(`a.severity IN (${f.severities.map(() => '?').join(', ')})`), args.push(...f.severities));
    if (f.sinceNs !== undefined) (where.push('a.last_seen_ns >= ?'), args.push(f.sinceNs));
    if (f.untilNs !== undefined) (where.push('a.last_seen_ns < ?'), args.push(f.untilNs));
    if (f.before !== undefined) (where.push('a.id < ?'), args.push(f.before));
    // Filters vary per request; SQLite caches the prepared plan per distinct text.
    const sql = `SELECT a.*, w.key, w.cluster, w.namespace, w.kind, w.name FROM alerts a JOIN workloads w ON w.id = a.workload_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`;
    return (this.db.prepare(sql).safeIntegers(true).all(...args, f.limit) as Array<Record<string, unknown>>).map((r) => alertJson(r, false));
  }

  getAlert(id: number): AlertJson | null {
    const r = this.alertOne.get(id) as Record<string, unknown> | undefined;
    return r ? alertJson(r, true) : null;
  }

  listWorkloads(): Array<Record<string, unknown>> {
    return (this.workloadsAll.all() as Array<Record<string, unknown>>).map((r) => ({ ...workloadJson(r), items: Number(r.items), open_alerts: Number(r.open_alerts) }));
  }

  getWorkload(key: string): (Record<string, unknown> & { baseline: Array<Record<string, unknown>> }) | null {
    const r = this.workloadOne.get(key) as Record<string, unknown> | undefined;
    if (!r) return null;
    const baseline = (this.itemsOf.all(r.id) as Array<Record<string, unknown>>).map((i) => ({
      container: i.container,
      item: i.item_key,
      type: i.item_type,
      first_seen: time(i.first_seen_ns),
      node: i.node,
      added_by: i.added_by,
      image_digest: i.image_digest,
      startup: i.startup === 1n,
    }));
    const images = (this.imagesOf.all(r.id) as Array<Record<string, unknown>>).map((i) => ({
      container: i.container,
      image_digest: i.image_digest,
      first_seen: time(i.first_seen_ns),
      review_until: i.review_until_ns === null ? null : time(i.review_until_ns),
    }));
    return { ...workloadJson(r), baseline, images };
  }

  listAgents(nowMs: number): Array<Record<string, unknown>> {
    return (this.agentsAll.all() as Array<Record<string, unknown>>).map((a) => {
      const stats = a.stats ? (JSON.parse(String(a.stats)) as Record<string, unknown>) : null;
      return {
        agent_id: a.agent_id,
        node: a.node,
        cluster: a.cluster,
        version: a.version,
        falco_version: a.falco_version,
        last_seq: a.last_seq,
        last_seen: new Date(Number(a.last_seen_ms)).toISOString(),
        last_heartbeat: a.heartbeat_ms === null ? null : new Date(Number(a.heartbeat_ms)).toISOString(),
        heartbeat_age_s: a.heartbeat_ms === null ? null : Math.round((nowMs - Number(a.heartbeat_ms)) / 1000),
        stats,
      };
    });
  }

  listAudit(before: number, limit: number): Array<Record<string, unknown>> {
    return (this.auditPage.all(before, limit) as Array<Record<string, unknown>>).map((a) => ({
      id: a.id,
      at: new Date(Number(a.at_ms)).toISOString(),
      actor: a.actor,
      action: a.action,
      target: a.target,
      detail: JSON.parse(String(a.detail)) as unknown,
    }));
  }

  streamAfter(seq: number, limit: number): StreamRow[] {
    return (this.streamPage.all(seq, limit) as Array<{ seq: number; at_ms: number; type: string; payload: string }>).map((r) => ({
      seq: r.seq,
      at_ms: r.at_ms,
      type: r.type,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    }));
  }

  streamRange(): { first: number; last: number } {
    return this.streamBounds.get() as { first: number; last: number };
  }
}

function workloadJson(r: Record<string, unknown>): Record<string, unknown> {
  const ns = (v: unknown): string | null => (v === null || v === undefined ? null : time(v));
  return {
    key: r.key,
    cluster: r.cluster,
    namespace: r.namespace,
    kind: r.kind,
    name: r.name,
    mode: r.mode,
    window: { start: ns(r.window_start_ns), end: ns(r.window_end_ns), length_ms: r.window_ms === null ? null : Number(r.window_ms) },
    locked_at: ns(r.locked_at_ns),
    locked_by: r.locked_by,
    identity: r.identity,
  };
}


function alertJson(r: Record<string, unknown>, withEvidence: boolean): AlertJson {
  const out: AlertJson = {
    id: Number(r.id),
    workload: { key: String(r.key), cluster: String(r.cluster), namespace: String(r.namespace), kind: String(r.kind), name: String(r.name) },
    container: String(r.container),
    item: String(r.item_key),
    type: String(r.item_type),
    status: String(r.status),
    severity: String(r.severity),
    severity_reason: String(r.severity_reason),
    severity_rule: String(r.severity_rule),
    category: String(r.category),
    count: Number(r.count),
    first_seen: time(r.first_seen_ns),
    last_seen: time(r.last_seen_ns),
    node: String(r.node),
  };
  if (withEvidence) out.evidence = JSON.parse(String(r.evidence)) as Record<string, unknown>;
  return out;
}
