// The collector's SQL: every statement prepared once. No decisions here (see baseline/).
import type { Statement } from 'better-sqlite3';
import type { ModeName } from '../../proto/vigil-wire.js';
import type { ItemIdentity } from '../../agent/model/item-key.js';
import type { Db } from './database.js';

export interface WorkloadRow {
  id: number;
  key: string;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  mode: ModeName;
  window_ms: number | null;
  window_start_ns: bigint | null;
  window_end_ns: bigint | null;
  locked_at_ns: bigint | null;
  locked_by: string | null;
  identity: ItemIdentity;
}

export interface NewWorkload {
  key: string;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  mode: ModeName;
  windowStartNs: bigint | null;
  windowEndNs: bigint | null;
  createdMs: number;
  identity: ItemIdentity;
}

export interface NewBaselineItem {
  workloadId: number;
  container: string;
  itemKey: string;
  itemType: 'process' | 'network';
  firstSeenNs: bigint;
  node: string;
  addedBy: 'learned' | 'approved' | 'manual';
  imageDigest: string | null;
  evidence: string;
  /** First seen within the start-up grace after its container started (the start-up set). */
  startup?: boolean;
}

export interface NewAlert {
  workloadId: number;
  container: string;
  itemKey: string;
  itemType: 'process' | 'network';
  firstSeenNs: bigint;
  lastSeenNs: bigint;
  count: number;
  node: string;
  evidence: string;
  nowMs: number;
  severity: string;
  severityReason: string;
  severityRule: string;
  category: 'deviation' | 'review';
}

/** An image digest first seen in a workload's container. */
export interface ImageRow {
  workloadId: number;
  container: string;
  imageDigest: string;
  firstSeenNs: bigint;
  /** Novel items with this digest are learned until then (a rollout's review window); null: none. */
  reviewUntilNs: bigint | null;
}

export interface AlertRow {
  id: number;
  workloadId: number;
  workloadKey: string;
  container: string;
  itemKey: string;
  itemType: 'process' | 'network';
  status: 'open' | 'acknowledged' | 'resolved';
  firstSeenNs: bigint;
  lastSeenNs: bigint;
  count: number;
  node: string;
  evidence: string;
  severityReason: string;
}

/** An open or acknowledged alert after a sighting was added to it. */
export interface ActiveAlert {
  id: number;
  /** The count including the sighting just added. */
  count: number;
  status: 'open' | 'acknowledged';
  category: 'deviation' | 'review';
}

/** An alert not yet resolved: at most one per workload, container and item (see BaselineService). */
export interface OpenAlertKey {
  id: number;
  workloadId: number;
  container: string;
  itemKey: string;
}

/** The latest resolved alert of an item: what a new alert opened from a repeat count copies. */
export interface PreviousAlert {
  itemType: 'process' | 'network';
  node: string;
  evidence: string;
  severity: string;
  severityReason: string;
  severityRule: string;
}

/** Answered from the partial index alerts_resolved_item (schema 9); its WHERE must match the index's. */
export const LATEST_RESOLVED_ALERT_SQL = `SELECT item_type, node, evidence, severity, severity_reason, severity_rule FROM alerts
  WHERE workload_id = ? AND container = ? AND item_key = ? AND status = 'resolved' ORDER BY id DESC LIMIT 1`;

/** An agent's row as its hello gives it. */
export interface AgentRow {
  readonly agentId: string;
  readonly node: string;
  readonly cluster: string;
  readonly version: string;
  readonly falcoVersion: string;
  readonly nowMs: number;
}

export class CollectorStore {
  private readonly s: Record<string, Statement>;

  constructor(readonly db: Db) {
    const p = (sql: string): Statement => db.prepare(sql);
    this.s = {
      upsertAgent: p(`INSERT INTO agents (agent_id, node, cluster, version, falco_version, first_seen_ms, last_seen_ms)
        VALUES (@agentId, @node, @cluster, @version, @falcoVersion, @nowMs, @nowMs)
        ON CONFLICT(agent_id) DO UPDATE SET node = excluded.node, cluster = excluded.cluster, version = excluded.version,
          falco_version = excluded.falco_version, last_seen_ms = excluded.last_seen_ms`),
      agentSeq: p('SELECT last_seq FROM agents WHERE agent_id = ?'),
      setAgentSeq: p('UPDATE agents SET last_seq = ?, last_seen_ms = ? WHERE agent_id = ?'),
      heartbeat: p('UPDATE agents SET heartbeat_ms = ?, last_seen_ms = ?, stats = ? WHERE agent_id = ?'),
      workloads: p('SELECT * FROM workloads ORDER BY id').safeIntegers(true),
      history: p('SELECT workload_id, from_ns, mode FROM mode_history ORDER BY workload_id, from_ns, rowid').safeIntegers(true),
      baseline: p('SELECT workload_id, container, item_key, startup FROM baseline_items'),
      insertWorkload: p(`INSERT INTO workloads (key, cluster, namespace, kind, name, mode, window_start_ns, window_end_ns, created_ms, identity)
        VALUES (@key, @cluster, @namespace, @kind, @name, @mode, @windowStartNs, @windowEndNs, @createdMs, @identity)`),
      setIdentity: p('UPDATE workloads SET identity = ? WHERE id = ?'),
      setWindow: p('UPDATE workloads SET window_start_ns = ?, window_end_ns = ? WHERE id = ?'),
      setWindowLength: p('UPDATE workloads SET window_ms = ? WHERE id = ?'),
      setMode: p('UPDATE workloads SET mode = ?, locked_at_ns = ?, locked_by = ? WHERE id = ?'),
      insertModeChange: p('INSERT INTO mode_history (workload_id, from_ns, mode, actor, at_ms) VALUES (?, ?, ?, ?, ?)'),
      // Positional parameters on the per-report statements: binding named ones from an object
      // costs a property lookup per parameter (≈10 % of the store's CPU in a profile).
      insertItem: p(`INSERT OR IGNORE INTO baseline_items
        (workload_id, container, item_key, item_type, first_seen_ns, node, added_by, image_digest, evidence, startup)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      copyItem: p(`INSERT OR IGNORE INTO baseline_items (workload_id, container, item_key, item_type, first_seen_ns, node, added_by, image_digest, evidence, startup)
        SELECT workload_id, container, ?, item_type, first_seen_ns, node, added_by, image_digest, evidence, startup FROM baseline_items
        WHERE workload_id = ? AND container = ? AND item_key = ?`),
      latestResolvedAlert: p(LATEST_RESOLVED_ALERT_SQL),
      recategorize: p("UPDATE alerts SET category = 'deviation', severity_reason = ?, updated_ms = ? WHERE id = ?"),
      openAlerts: p("SELECT id, workload_id, container, item_key FROM alerts WHERE status IN ('open', 'acknowledged')"),
      insertAlert: p(`INSERT INTO alerts (workload_id, container, item_key, item_type, status, first_seen_ns, last_seen_ns,
          count, node, evidence, created_ms, updated_ms, severity, severity_reason, severity_rule, category)
        VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      bumpAlert: p(`UPDATE alerts SET count = count + ?, last_seen_ns = max(last_seen_ns, ?), first_seen_ns = min(first_seen_ns, ?),
        updated_ms = ? WHERE id = ? AND status != 'resolved' RETURNING count, status, category`),
      bumpCounter: p(`INSERT INTO counters (workload_id, name, value) VALUES (?, ?, ?)
        ON CONFLICT(workload_id, name) DO UPDATE SET value = value + excluded.value`),
      appendStream: p('INSERT INTO stream (at_ms, type, payload) VALUES (?, ?, ?)'),
      alertById: p('SELECT a.*, w.key AS workload_key FROM alerts a JOIN workloads w ON w.id = a.workload_id WHERE a.id = ?').safeIntegers(true),
      setAlertStatus: p('UPDATE alerts SET status = ?, updated_ms = ? WHERE id = ?'),
      deleteBaseline: p('DELETE FROM baseline_items WHERE workload_id = ?'),
      deleteItem: p('DELETE FROM baseline_items WHERE workload_id = ? AND container = ? AND item_key = ?'),
      audit: p('INSERT INTO audit (at_ms, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)'),
      contributors: p(`SELECT workload_id, node, json_extract(evidence, '$.pod') AS pod, MAX(first_seen_ns) AS last_ns
        FROM baseline_items WHERE added_by = 'learned' GROUP BY workload_id, node, pod`).safeIntegers(true),
      images: p('SELECT workload_id, container, image_digest, first_seen_ns, review_until_ns FROM workload_images').safeIntegers(true),
      insertImage: p('INSERT OR IGNORE INTO workload_images (workload_id, container, image_digest, first_seen_ns, review_until_ns) VALUES (?, ?, ?, ?, ?)'),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  upsertAgent(a: AgentRow): void {
    this.s.upsertAgent?.run(a);
  }

  agentSeq(agentId: string): number {
    return (this.s.agentSeq?.get(agentId) as { last_seq: number } | undefined)?.last_seq ?? 0;
  }

  setAgentSeq(agentId: string, seq: number, nowMs: number): void {
    this.s.setAgentSeq?.run(seq, nowMs, agentId);
  }

  heartbeat(agentId: string, stats: string, nowMs: number): void {
    this.s.heartbeat?.run(nowMs, nowMs, stats, agentId);
  }

  loadWorkloads(): WorkloadRow[] {
    return (this.s.workloads?.all() as Array<Record<string, unknown>>).map((r) => ({
      id: Number(r.id),
      key: String(r.key),
      cluster: String(r.cluster),
      namespace: String(r.namespace),
      kind: String(r.kind),
      name: String(r.name),
      mode: r.mode as ModeName,
      window_ms: r.window_ms === null ? null : Number(r.window_ms),
      window_start_ns: r.window_start_ns as bigint | null,
      window_end_ns: r.window_end_ns as bigint | null,
      locked_at_ns: r.locked_at_ns as bigint | null,
      locked_by: r.locked_by as string | null,
      identity: r.identity as ItemIdentity,
    }));
  }

  loadHistory(): Array<{ workloadId: number; fromNs: bigint; mode: ModeName }> {
    return (this.s.history?.all() as Array<{ workload_id: bigint; from_ns: bigint; mode: ModeName }>).map((r) => ({
      workloadId: Number(r.workload_id),
      fromNs: r.from_ns,
      mode: r.mode,
    }));
  }

  /** Per workload, the nodes and pods its learned items came from, and when it last learned one. */
  loadContributors(): Array<{ workloadId: number; node: string; pod: string | null; lastNs: bigint }> {
    return (this.s.contributors?.all() as Array<{ workload_id: bigint; node: string; pod: string | null; last_ns: bigint }>).map((r) => ({
      workloadId: Number(r.workload_id),
      node: r.node,
      pod: r.pod,
      lastNs: r.last_ns,
    }));
  }

  loadImages(): ImageRow[] {
    return (this.s.images?.all() as Array<{ workload_id: bigint; container: string; image_digest: string; first_seen_ns: bigint; review_until_ns: bigint | null }>).map((r) => ({
      workloadId: Number(r.workload_id),
      container: r.container,
      imageDigest: r.image_digest,
      firstSeenNs: r.first_seen_ns,
      reviewUntilNs: r.review_until_ns,
    }));
  }

  insertImage(i: ImageRow): void {
    this.s.insertImage?.run(i.workloadId, i.container, i.imageDigest, i.firstSeenNs, i.reviewUntilNs);
  }

  loadBaseline(): Array<{ workload_id: number; container: string; item_key: string; startup: 0 | 1 }> {
    return this.s.baseline?.all() as Array<{ workload_id: number; container: string; item_key: string; startup: 0 | 1 }>;
  }

  insertWorkload(w: NewWorkload): number {
    return Number(this.s.insertWorkload?.run(w).lastInsertRowid);
  }

  setWindow(id: number, startNs: bigint | null, endNs: bigint | null): void {
    this.s.setWindow?.run(startNs, endNs, id);
  }

  setIdentity(id: number, identity: ItemIdentity): void {
    this.s.setIdentity?.run(identity, id);
  }

  setWindowLength(id: number, windowMs: number | null): void {
    this.s.setWindowLength?.run(windowMs, id);
  }

  setMode(id: number, mode: ModeName, lockedAtNs: bigint | null, lockedBy: string | null): void {
    this.s.setMode?.run(mode, lockedAtNs, lockedBy, id);
  }

  insertModeChange(id: number, fromNs: bigint, mode: ModeName, actor: string, atMs: number): void {
    this.s.insertModeChange?.run(id, fromNs, mode, actor, atMs);
  }

  /** True when the item was new to the baseline. */
  insertBaselineItem(i: NewBaselineItem): boolean {
    const run = this.s.insertItem?.run(
      i.workloadId, i.container, i.itemKey, i.itemType, i.firstSeenNs, i.node, i.addedBy, i.imageDigest, i.evidence, i.startup === true ? 1 : 0,
    );
    return (run?.changes ?? 0) > 0;
  }

  /** Every alert not yet resolved (read once at start-up; the service keeps them in memory). */
  loadOpenAlerts(): OpenAlertKey[] {
    return (this.s.openAlerts?.all() as Array<{ id: number; workload_id: number; container: string; item_key: string }>).map((r) => ({
      id: r.id,
      workloadId: r.workload_id,
      container: r.container,
      itemKey: r.item_key,
    }));
  }

  /** The item's latest resolved alert; an item's open alert is known to the caller (BaselineService). */
  latestResolvedAlert(workloadId: number, container: string, itemKey: string): PreviousAlert | undefined {
    const r = this.s.latestResolvedAlert?.get(workloadId, container, itemKey) as
      | { item_type: 'process' | 'network'; node: string; evidence: string; severity: string; severity_reason: string; severity_rule: string }
      | undefined;
    return r && { itemType: r.item_type, node: r.node, evidence: r.evidence, severity: r.severity, severityReason: r.severity_reason, severityRule: r.severity_rule };
  }

  /** Adds `toKey` to a workload container's baseline as a copy of `fromKey` (same origin and time). */
  copyItem(workloadId: number, container: string, fromKey: string, toKey: string): boolean {
    return (this.s.copyItem?.run(toKey, workloadId, container, fromKey).changes ?? 0) > 0;
  }

  /** A review alert whose item is now seen after the lock becomes a deviation. */
  recategorize(id: number, reason: string, nowMs: number): void {
    this.s.recategorize?.run(reason, nowMs, id);
  }

  insertAlert(a: NewAlert): number {
    const run = this.s.insertAlert?.run(
      a.workloadId, a.container, a.itemKey, a.itemType, a.firstSeenNs, a.lastSeenNs, a.count, a.node, a.evidence, a.nowMs, a.nowMs,
      a.severity, a.severityReason, a.severityRule, a.category,
    );
    return Number(run?.lastInsertRowid);
  }

  /** Adds sightings to an alert not yet resolved; undefined when there is none with that id. */
  bumpAlert(id: number, count: number, firstSeenNs: bigint, lastSeenNs: bigint, nowMs: number): ActiveAlert | undefined {
    const row = this.s.bumpAlert?.get(count, lastSeenNs, firstSeenNs, nowMs, id) as
      | { count: number; status: 'open' | 'acknowledged'; category: 'deviation' | 'review' }
      | undefined;
    return row && { id, count: row.count, status: row.status, category: row.category };
  }

  bumpCounter(workloadId: number, name: string, by: number): void {
    this.s.bumpCounter?.run(workloadId, name, by);
  }

  alertById(id: number): AlertRow | undefined {
    const r = this.s.alertById?.get(id) as Record<string, unknown> | undefined;
    if (!r) return undefined;
    return {
      id: Number(r.id),
      workloadId: Number(r.workload_id),
      workloadKey: String(r.workload_key),
      container: String(r.container),
      itemKey: String(r.item_key),
      itemType: r.item_type as 'process' | 'network',
      status: r.status as AlertRow['status'],
      firstSeenNs: r.first_seen_ns as bigint,
      lastSeenNs: r.last_seen_ns as bigint,
      count: Number(r.count),
      node: String(r.node),
      evidence: String(r.evidence),
      severityReason: String(r.severity_reason),
    };
  }

  setAlertStatus(id: number, status: AlertRow['status'], nowMs: number): void {
    this.s.setAlertStatus?.run(status, nowMs, id);
  }

  /** Clears a workload's baseline; returns how many items went. */
  deleteBaseline(workloadId: number): number {
    return this.s.deleteBaseline?.run(workloadId).changes ?? 0;
  }

  /** True when the item was in the baseline. */
  deleteBaselineItem(workloadId: number, container: string, itemKey: string): boolean {
    return (this.s.deleteItem?.run(workloadId, container, itemKey).changes ?? 0) > 0;
  }

  appendStream(type: string, payload: object, atMs: number): number {
    return Number(this.s.appendStream?.run(atMs, type, JSON.stringify(payload)).lastInsertRowid);
  }

  audit(actor: string, action: string, target: string, detail: object, atMs: number): void {
    this.s.audit?.run(atMs, actor, action, target, JSON.stringify(detail));
  }
}
