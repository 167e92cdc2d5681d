// The collector's decisions: merge what every node reports into per-workload baselines, open or
// aggregate alerts by the mode at each event's time, lock learning windows when they end (also
// across restarts), and tell the gateway what changed so it can update the agents.
//
// All workload state lives in memory (the hot path is lookups) and is written through to SQLite
// inside the same transaction as the reports that changed it. Changes are announced only after
// the transaction commits.
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { workloadKey, type WorkloadId, type WorkloadKind } from '../../agent/model/identity.js';
import type { vigil } from '../../proto/gen/vigil.js';
import { formatRfc3339Ns } from '../../agent/falco/event.js';
import { baselinePeer } from '../../agent/model/peer.js';
import { itemKey, rekeyProcess, type ItemIdentity } from '../../agent/model/item-key.js';
import {
  identityValue,
  modeValue,
  nsFromTimestamp,
  observationFromWire,
  timestampFromNs,
  workloadFromWire,
  type ModeName,
} from '../../proto/vigil-wire.js';
import type { ActiveAlert, AgentRow, CollectorStore } from '../store/collector-store.js';
import { convergence, decide, modeAt, windowEndNs, withChange, type ConvergenceRule, type ModeChange } from './decide.js';
import { SeverityRules } from './severity-rules.js';
import { inStartupGrace, StartupSet } from './startup-grace.js';

export interface BaselineOptions {
  readonly defaultMode: ModeName;
  readonly windowMs: number;
  /** Per workload ("namespace/Kind/name", any cluster) learning windows that differ from the default. */
  readonly windowOverrides?: ReadonlyMap<string, number>;
  /** Wall clock in ms; tests move it. */
  readonly now: () => number;
  /** Severity and never-learn rules (default: rules/severity.yaml alone). */
  readonly rules?: SeverityRules;
  /**
   * Image-aware baselines: when a locked workload's container shows an image digest it never
   * had, novel items with that digest are learned for this long (a rollout's review window).
   * 0 or absent: off, every novel item after the lock is a deviation.
   */
  readonly imageReviewMs?: number;
  /** Lock on convergence instead of at the window's end (absent: lock at the end). */
  readonly convergence?: ConvergenceRule | null;
  /** Identity of a new workload's process items (default exe). */
  readonly defaultIdentity?: ItemIdentity;
  /**
   * Start-up grace: items first seen this long after their container started form the start-up
   * set while learning; after the lock, novel items within it that match the set are learned.
   * 0 or absent: off.
   */
  readonly startupGraceMs?: number;
}

interface WorkloadState {
  readonly id: number;
  readonly key: string;
  readonly workload: WorkloadId;
  mode: ModeName;
  history: ModeChange[];
  windowStartNs: bigint | null;
  windowEndNs: bigint | null;
  lockedAtNs: bigint | null;
  windowMs: number | null;
  /** `${container}\0${itemKey}` */
  readonly items: Set<string>;
  identity: ItemIdentity;
  /** container → image digest → until when its novel items are learned (null: no window). */
  readonly images: Map<string, Map<string, bigint | null>>;
  /** When an item was last learned, and the nodes and pods learned items came from (convergence). */
  lastNewNs: bigint | null;
  readonly nodes: Set<string>;
  readonly pods: Set<string>;
  /** Items first seen within the start-up grace, by container. */
  readonly startup: StartupSet;
  /**
   * `${container}\0${itemKey}` → id of its alert not yet resolved (at most one per item). Kept
   * here instead of a unique index on alerts: that index took a write at a random place of a
   * B-tree per new alert, about half of the store's time (docs/performance.md, session 4).
   */
  readonly openAlerts: Map<string, number>;
}

/** A mode change written in a transaction, and what memory does once it is committed. */
interface ModeWrite {
  readonly seq: number;
  readonly apply: () => void;
}

export interface WorkloadChange {
  readonly workloadKey: string;
  readonly workload: WorkloadId;
  readonly mode: ModeName;
  readonly windowEndNs: bigint | null;
  readonly identity: ItemIdentity;
  readonly added: Array<{ container: string; itemKey: string }>;
  readonly removed: Array<{ container: string; itemKey: string }>;
}

export interface AgentBatch {
  readonly agentId: string;
  readonly reports: readonly vigil.v1.IReport[];
}

export interface BatchOutcome {
  /** Per agent, the highest sequence now stored. */
  readonly stored: Map<string, number>;
  readonly counts: Record<'duplicate' | 'invalid' | 'known' | 'learned' | 'startup_learned' | 'review' | 'alerted' | 'aggregated' | 'counted' | 'repeat' | 'repeat_unmatched', number>;
}

const itemId = (container: string, itemKey: string): string => `${container}\u0000${itemKey}`;

/** Heartbeats are written together at most this long after they arrive. */
const HEARTBEAT_FLUSH_MS = 1_000;

/** How long a convergence verdict waits for reports still on their way after a window's end or a restart. */
const VERDICT_GRACE_MS = 10_000;

/** Appended to the reason of a review alert. */
const REVIEW_SUFFIX = '; seen while learning, it joins the baseline only when approved';

/** What the severity rules look at in an observation. */
function ratingInput(obs: ReturnType<typeof observationFromWire>): Parameters<SeverityRules['rate']>[0] {
  return obs.type === 'process'
    ? { type: 'process', exe: obs.process.exe, exeUpperLayer: obs.process.exeUpperLayer, parentExe: obs.process.parentExe }
    : { type: 'network', direction: obs.network.direction, peer: obs.network.peer, port: obs.network.port };
}

function splitItem(id: string): { container: string; itemKey: string } {
  const [container = '', itemKey = ''] = id.split('\u0000');
  return { container, itemKey };
}

export interface BaselineDiff {
  readonly added: ReadonlyArray<{ container: string; itemKey: string }>;
  readonly removed: ReadonlyArray<{ container: string; itemKey: string }>;
  readonly unchanged: number;
}

export class BaselineService extends EventEmitter<{ changed: [WorkloadChange]; stream: [number]; locked: [string] }> {
  private readonly byKey = new Map<string, WorkloadState>();
  private timer: NodeJS.Timeout | null = null;
  private readonly lastHeartbeat = new Map<string, { events: number; ms: number }>();
  private readonly pendingHeartbeats = new Map<string, { stats: string; ms: number }>();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private pendingStatus: Array<{ agentId: string; node: string; connected: boolean; ms: number }> = [];
  /** Hellos not written yet, by agent (the newest wins): see registerAgent(). */
  private readonly pendingAgents = new Map<string, AgentRow>();
  private statusFlushQueued = false;

  constructor(
    private readonly store: CollectorStore,
    private readonly opts: BaselineOptions,
    private readonly log: Logger,
  ) {
    super();
    this.rules = opts.rules ?? SeverityRules.builtIn();
  }

  private readonly rules: SeverityRules;
  private loadedAtMs = 0;

  /** Loads every workload, locks the windows that ended while the collector was down, arms the timer. */
  load(): void {
    const history = new Map<number, ModeChange[]>();
    for (const h of this.store.loadHistory()) {
      const list = history.get(h.workloadId) ?? [];
      list.push({ fromNs: h.fromNs, mode: h.mode });
      history.set(h.workloadId, list);
    }
    const byId = new Map<number, WorkloadState>();
    for (const row of this.store.loadWorkloads()) {
      const state: WorkloadState = {
        id: row.id,
        key: row.key,
        workload: { cluster: row.cluster, namespace: row.namespace, kind: row.kind as WorkloadKind, name: row.name },
        mode: row.mode,
        history: history.get(row.id) ?? [],
        windowStartNs: row.window_start_ns,
        windowEndNs: row.window_end_ns,
        lockedAtNs: row.locked_at_ns,
        windowMs: row.window_ms,
        identity: row.identity,
        items: new Set(),
        images: new Map(),
        lastNewNs: null,
        nodes: new Set(),
        pods: new Set(),
        startup: new StartupSet(),
        openAlerts: new Map(),
      };
      this.byKey.set(row.key, state);
      byId.set(row.id, state);
    }
    for (const item of this.store.loadBaseline()) {
      const w = byId.get(item.workload_id);
      w?.items.add(itemId(item.container, item.item_key));
      if (item.startup === 1) w?.startup.add(item.container, item.item_key);
    }
    for (const a of this.store.loadOpenAlerts()) byId.get(a.workloadId)?.openAlerts.set(itemId(a.container, a.itemKey), a.id);
    this.upgradePeerItems(byId);
    for (const c of this.store.loadContributors()) {
      const w = byId.get(c.workloadId);
      if (!w) continue;
      w.nodes.add(c.node);
      if (c.pod) w.pods.add(c.pod);
      if (w.lastNewNs === null || c.lastNs > w.lastNewNs) w.lastNewNs = c.lastNs;
    }
    for (const image of this.store.loadImages()) {
      const w = byId.get(image.workloadId);
      if (!w) continue;
      const digests = w.images.get(image.container) ?? new Map<string, bigint | null>();
      digests.set(image.imageDigest, image.reviewUntilNs);
      w.images.set(image.container, digests);
    }
    this.log.info({ workloads: this.byKey.size }, 'loaded workloads and baselines');
    this.applyOverrides();
    this.loadedAtMs = this.opts.now();
    this.lockDue();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushHeartbeats();
    this.flushConnections();
  }

  /**
   * Registers an agent's hello; returns the highest sequence stored for it. The agent's row is
   * written on the next event-loop turn with the turn's other hellos and status changes, in one
   * transaction, or first in any transaction that stores reports or heartbeats before that
   * (a report's sequence is stored in the agent's row, which must exist by then). One synced
   * commit per hello was 36–41 % of the collector's time while 1,000 agents reconnected.
   */
  registerAgent(hello: vigil.v1.IHello): number {
    const agentId = hello.agent_id ?? '';
    // Read first: a hello refused because the database does not answer leaves nothing queued.
    const stored = this.store.agentSeq(agentId);
    this.pendingAgents.set(agentId, {
      agentId,
      node: hello.node ?? '',
      cluster: hello.cluster ?? '',
      version: hello.agent_version ?? '',
      falcoVersion: hello.falco_version ?? '',
      nowMs: this.opts.now(),
    });
    this.queueConnectionsFlush();
    return stored;
  }

  /** Inside a transaction: writes the hellos not written yet (forgotten once it commits: agentsWritten()). */
  private writeAgents(): void {
    for (const row of this.pendingAgents.values()) this.store.upsertAgent(row);
  }

  /** After a transaction that ran writeAgents() committed. */
  private agentsWritten(): void {
    this.pendingAgents.clear();
  }

  /**
   * An agent connected or went away: a stream message for the SOC. Written on the next
   * event-loop turn, every change of that turn in one transaction: when a collector restart or a
   * network cut drops 1,000 agents at once, one synced commit each (≈620 µs) took 43 % of the
   * collector's CPU in that window.
   */
  agentStatus(agentId: string, node: string, connected: boolean): void {
    this.pendingStatus.push({ agentId, node, connected, ms: this.opts.now() });
    this.queueConnectionsFlush();
  }

  private queueConnectionsFlush(): void {
    if (this.statusFlushQueued) return;
    this.statusFlushQueued = true;
    setImmediate(() => this.flushConnections());
  }

  /** Writes the queued hellos and agent status changes in one transaction. */
  flushConnections(): void {
    this.statusFlushQueued = false;
    const batch = this.pendingStatus;
    if (batch.length === 0 && this.pendingAgents.size === 0) return;
    this.pendingStatus = [];
    let last = 0;
    try {
      this.store.transaction(() => {
        this.writeAgents();
        for (const s of batch) last = this.store.appendStream('agent.status', { agent: s.agentId, node: s.node, connected: s.connected }, s.ms);
      });
    } catch (err) {
      // The SOC misses these notices; the agents' state (connected or not) is in /api/v1/agents.
      // The hellos stay queued: the next transaction writes them first, or fails as this one did.
      this.log.warn({ err: (err as Error).message, changes: batch.length, hellos: this.pendingAgents.size }, 'cannot record agent connections');
      return;
    }
    this.agentsWritten();
    if (batch.length > 0) this.emit('stream', last);
  }

  /**
   * Records an agent's statistics, with its event rate since the previous heartbeat. They are
   * written within HEARTBEAT_FLUSH_MS, all agents' in one transaction: one synced commit per
   * heartbeat cost ≈620 µs, 12 % of a core for 1,000 agents. Statistics are advisory, so a
   * crash may lose the last second of them; the newest per agent wins.
   */
  heartbeat(agentId: string, hb: vigil.v1.IHeartbeat): void {
    const nowMs = this.opts.now();
    const events = Number(hb.stats?.events_total ?? 0);
    const previous = this.lastHeartbeat.get(agentId);
    const rate = previous && nowMs > previous.ms && events >= previous.events ? ((events - previous.events) * 1000) / (nowMs - previous.ms) : null;
    this.lastHeartbeat.set(agentId, { events, ms: nowMs });
    const stats = { ...(hb.stats ?? {}), events_per_second: rate === null ? null : Math.round(rate * 10) / 10 };
    this.pendingHeartbeats.set(agentId, { stats: JSON.stringify(stats), ms: nowMs });
    this.heartbeatTimer ??= setTimeout(() => this.flushHeartbeats(), HEARTBEAT_FLUSH_MS);
    this.heartbeatTimer.unref();
  }

  /** Writes the heartbeats received since the last flush in one transaction. */
  flushHeartbeats(): void {
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
    if (this.pendingHeartbeats.size === 0) return;
    const batch = [...this.pendingHeartbeats];
    this.pendingHeartbeats.clear();
    try {
      this.store.transaction(() => {
        this.writeAgents();
        for (const [agentId, hb] of batch) this.store.heartbeat(agentId, hb.stats, hb.ms);
      });
      this.agentsWritten();
    } catch (err) {
      // Advisory data: the next heartbeats bring fresh figures; the loss is logged once per batch.
      this.log.warn({ err: (err as Error).message, agents: batch.length }, 'cannot store agent heartbeats; the next ones will replace them');
    }
  }

  /** The current state of the named workloads (unknown names are skipped). */
  snapshot(keys: Iterable<string>): vigil.v1.IWorkloadState[] {
    const out: vigil.v1.IWorkloadState[] = [];
    for (const key of keys) {
      const w = this.byKey.get(key);
      if (w) out.push(this.wireState(w));
    }
    return out;
  }

  /** Keys and clusters of the workloads with this namespace, kind and name (one per cluster). */
  findWorkloads(namespace: string, kind: string, name: string): Array<{ key: string; cluster: string }> {
    const out: Array<{ key: string; cluster: string }> = [];
    for (const w of this.byKey.values()) {
      if (w.workload.namespace === namespace && w.workload.kind === kind && w.workload.name === name) out.push({ key: w.key, cluster: w.workload.cluster });
    }
    return out;
  }

  /**
   * How complete a baseline looks, from memory (no query per workload): its size, when it last
   * learned an item, and the nodes and pods its learned items came from since the last relearn.
   */
  completeness(key: string): { items: number; last_new_item: string | null; nodes: number; pods: number } | null {
    const w = this.byKey.get(key);
    if (!w) return null;
    return { items: w.items.size, last_new_item: w.lastNewNs === null ? null : formatRfc3339Ns(w.lastNewNs), nodes: w.nodes.size, pods: w.pods.size };
  }

  workloadMode(key: string): ModeName | null {
    return this.byKey.get(key)?.mode ?? null;
  }

  /** Applies the batches of several agents in one transaction. */
  applyBatches(batches: readonly AgentBatch[]): BatchOutcome {
    const counts: BatchOutcome['counts'] = { duplicate: 0, invalid: 0, known: 0, learned: 0, startup_learned: 0, review: 0, alerted: 0, aggregated: 0, counted: 0, repeat: 0, repeat_unmatched: 0 };
    const stored = new Map<string, number>();
    const changes = new Map<string, WorkloadChange>();
    const streamSeqs: number[] = [];
    const created: WorkloadState[] = [];
    const nowMs = this.opts.now();
    // A window that ended since the last timer tick locks before these reports. A convergence
    // verdict waits until they are applied: their items may show the baseline still growing.
    if (!this.opts.convergence) this.lockDue();
    try {
      this.store.transaction(() => {
        this.writeAgents();
        for (const batch of batches) {
          let last = stored.get(batch.agentId) ?? this.store.agentSeq(batch.agentId);
          for (const report of batch.reports) {
            const seq = Number(report.seq ?? 0);
            if (seq <= last) {
              counts.duplicate++;
              continue;
            }
            last = seq;
            if (report.observation) this.applyObservation(report.observation, nowMs, counts, changes, streamSeqs, created);
            else if (report.repeat) this.applyRepeat(report.repeat, nowMs, counts, streamSeqs);
          }
          stored.set(batch.agentId, last);
          this.store.setAgentSeq(batch.agentId, last, nowMs);
        }
      });
      this.agentsWritten();
    } catch (err) {
      // The transaction rolled back; the in-memory state may have moved with it (new
      // workloads, items, windows). The database is the truth: rebuild from it.
      this.byKey.clear();
      this.load();
      throw err;
    }
    for (const change of changes.values()) this.emit('changed', change);
    for (const seq of streamSeqs) this.emit('stream', seq);
    if (this.opts.convergence) this.lockDue(); // verdicts with these reports counted (arms the timer)
    else this.arm(); // new workloads, or windows moved back by earlier reports
    return { stored, counts };
  }

  /** A SOC mode change (takes effect from now). */
  setMode(key: string, mode: ModeName, actor: string): WorkloadChange {
    const w = this.byKey.get(key);
    if (!w) throw new Error(`no workload ${key}`);
    const nowMs = this.opts.now();
    const write = this.store.transaction(() => this.writeMode(w, mode, actor, nowMs));
    return this.announce(w, write, []);
  }

  /**
   * Writes a mode change inside the caller's transaction. Memory follows only through `apply`,
   * called once the transaction has committed, so a failed commit leaves both as they were.
   */
  private writeMode(w: WorkloadState, mode: ModeName, actor: string, nowMs: number): ModeWrite {
    const fromNs = BigInt(nowMs) * 1_000_000n;
    // Learning again means a new window from now; other modes end the window.
    const windowStart = mode === 'learning' ? fromNs : null;
    const windowEnd = mode === 'learning' ? windowEndNs(fromNs, w.windowMs ?? this.opts.windowMs) : null;
    this.store.setWindow(w.id, windowStart, windowEnd);
    this.store.setMode(w.id, mode, mode === 'detecting' ? fromNs : null, mode === 'detecting' ? actor : null);
    this.store.insertModeChange(w.id, fromNs, mode, actor, nowMs);
    this.store.audit(actor, 'set_mode', w.key, { from: w.mode, to: mode }, nowMs);
    const seq = this.store.appendStream('workload.mode', { workload: w.key, mode, previous: w.mode, actor }, nowMs);
    return {
      seq,
      apply: () => {
        w.history = withChange(w.history, { fromNs, mode });
        w.mode = mode;
        w.windowStartNs = windowStart;
        w.windowEndNs = windowEnd;
        w.lockedAtNs = mode === 'detecting' ? fromNs : null;
      },
    };
  }

  /** After a committed mode write: memory follows, agents and the stream are told once. */
  private announce(w: WorkloadState, write: ModeWrite, removed: Array<{ container: string; itemKey: string }>): WorkloadChange {
    const { seq, apply } = write;
    apply();
    const change = { ...this.change(w), removed };
    this.emit('changed', change);
    this.emit('stream', seq);
    this.arm();
    return change;
  }

  /**
   * Acknowledge or resolve an alert (a SOC action). Returns false for an unknown alert, and for a
   * resolved one: it stays resolved (a new sighting opens a new alert), so it never competes with
   * the item's newer alert for the one open place.
   */
  setAlertStatus(alertId: number, status: 'acknowledged' | 'resolved', actor: string): boolean {
    const alert = this.store.alertById(alertId);
    if (!alert || alert.status === 'resolved') return false;
    const nowMs = this.opts.now();
    let seq = 0;
    this.store.transaction(() => {
      this.store.setAlertStatus(alertId, status, nowMs);
      this.store.audit(actor, status === 'acknowledged' ? 'acknowledge_alert' : 'resolve_alert', `alert/${alertId}`, { from: alert.status }, nowMs);
      seq = this.store.appendStream('alert.updated', { alert: alertId, count: alert.count, status }, nowMs);
    });
    if (status === 'resolved') this.forgetOpenAlert(alert.workloadKey, alert.container, alert.itemKey, alertId);
    this.emit('stream', seq);
    return true;
  }

  /** After a committed resolve: the item's next sighting opens a new alert. */
  private forgetOpenAlert(workloadKey: string, container: string, itemKey: string, alertId: number): void {
    const open = this.byKey.get(workloadKey)?.openAlerts;
    const id = itemId(container, itemKey);
    if (open?.get(id) === alertId) open.delete(id);
  }

  /**
   * Approve a deviation: its item joins the baseline, the alert is resolved, and the agents
   * running the workload stop reporting it. Returns false for an unknown alert.
   */
  approve(alertId: number, actor: string): boolean {
    const alert = this.store.alertById(alertId);
    if (!alert) return false;
    const w = this.byKey.get(alert.workloadKey);
    if (!w) return false;
    const nowMs = this.opts.now();
    const seqs: number[] = [];
    this.store.transaction(() => {
      this.store.insertBaselineItem({
        workloadId: w.id,
        container: alert.container,
        itemKey: alert.itemKey,
        itemType: alert.itemType,
        firstSeenNs: alert.firstSeenNs,
        node: alert.node,
        addedBy: 'approved',
        imageDigest: null,
        evidence: alert.evidence,
      });
      this.store.setAlertStatus(alertId, 'resolved', nowMs);
      this.store.audit(actor, 'approve_alert', `alert/${alertId}`, { workload: w.key, container: alert.container, item: alert.itemKey }, nowMs);
      seqs.push(this.store.appendStream('alert.updated', { alert: alertId, count: alert.count, status: 'resolved', approved: true }, nowMs));
    });
    w.items.add(itemId(alert.container, alert.itemKey));
    this.forgetOpenAlert(w.key, alert.container, alert.itemKey, alertId);
    this.emit('changed', this.change(w, [{ container: alert.container, itemKey: alert.itemKey }]));
    for (const seq of seqs) this.emit('stream', seq);
    return true;
  }

  /**
   * Changes how the workload's process items are identified. The baseline's keys are in the old
   * form, so it is cleared and learned again (relearn), in the same transaction; agents get the
   * identity with the delta.
   */
  setIdentity(key: string, identity: ItemIdentity, actor: string): WorkloadChange | null {
    const w = this.byKey.get(key);
    if (!w) throw new Error(`no workload ${key}`);
    if (w.identity === identity) return null;
    const from = w.identity;
    return this.relearnWorkload(w, actor, (nowMs) => {
      this.store.setIdentity(w.id, identity);
      this.store.audit(actor, 'set_identity', key, { from, to: identity }, nowMs);
      return () => (w.identity = identity);
    });
  }

  /** Relearn: clear the baseline and start a new learning window from now. */
  relearn(key: string, actor: string): WorkloadChange {
    const w = this.byKey.get(key);
    if (!w) throw new Error(`no workload ${key}`);
    return this.relearnWorkload(w, actor, null);
  }

  /**
   * One transaction: `first` (its own writes; what it returns runs after the commit), the
   * baseline cleared, the learning window opened. Then memory follows and one delta goes out,
   * with the mode, the identity and every removed item.
   */
  private relearnWorkload(w: WorkloadState, actor: string, first: ((nowMs: number) => () => void) | null): WorkloadChange {
    const removed = [...w.items].map(splitItem);
    const nowMs = this.opts.now();
    const { afterCommit, write } = this.store.transaction(() => {
      const after = first?.(nowMs) ?? null;
      this.store.deleteBaseline(w.id);
      this.store.audit(actor, 'relearn', w.key, { cleared: removed.length }, nowMs);
      return { afterCommit: after, write: this.writeMode(w, 'learning', actor, nowMs) };
    });
    afterCommit?.();
    w.items.clear();
    w.startup.clear();
    w.lastNewNs = null;
    w.nodes.clear();
    w.pods.clear();
    return this.announce(w, write, removed);
  }

  /**
   * Makes the baseline exactly `items` (an import), or with `dryRun` only says what would
   * change. New items are recorded as added by hand; agents are told about both directions.
   */
  replaceBaseline(key: string, items: ReadonlyArray<{ container: string; itemKey: string }>, actor: string, dryRun: boolean): BaselineDiff {
    const w = this.byKey.get(key);
    if (!w) throw new Error(`no workload ${key}`);
    const wanted = new Map(items.map((i) => [itemId(i.container, i.itemKey), i]));
    const added = [...wanted.entries()].filter(([id]) => !w.items.has(id)).map(([, i]) => i);
    const removed = [...w.items].filter((id) => !wanted.has(id)).map(splitItem);
    const diff: BaselineDiff = { added, removed, unchanged: wanted.size - added.length };
    if (dryRun || (added.length === 0 && removed.length === 0)) return diff;
    this.editBaseline(w, added, removed, actor, 'import_baseline');
    return diff;
  }

  /** Adds or removes items by hand. Returns the items that actually changed. */
  editItems(key: string, add: ReadonlyArray<{ container: string; itemKey: string }>, remove: ReadonlyArray<{ container: string; itemKey: string }>, actor: string): BaselineDiff {
    const w = this.byKey.get(key);
    if (!w) throw new Error(`no workload ${key}`);
    const added = add.filter((i) => !w.items.has(itemId(i.container, i.itemKey)));
    const removed = remove.filter((i) => w.items.has(itemId(i.container, i.itemKey)));
    if (added.length > 0 || removed.length > 0) this.editBaseline(w, added, removed, actor, added.length > 0 ? 'add_items' : 'remove_items');
    return { added, removed, unchanged: add.length + remove.length - added.length - removed.length };
  }

  private editBaseline(
    w: WorkloadState,
    added: ReadonlyArray<{ container: string; itemKey: string }>,
    removed: ReadonlyArray<{ container: string; itemKey: string }>,
    actor: string,
    action: string,
  ): void {
    const nowMs = this.opts.now();
    const nowNs = BigInt(nowMs) * 1_000_000n;
    this.store.transaction(() => {
      for (const i of added) {
        this.store.insertBaselineItem({
          workloadId: w.id,
          container: i.container,
          itemKey: i.itemKey,
          itemType: i.itemKey.startsWith('exe:') ? 'process' : 'network',
          firstSeenNs: nowNs,
          node: '',
          addedBy: 'manual',
          imageDigest: null,
          evidence: JSON.stringify({ added_by: actor }),
        });
      }
      for (const i of removed) this.store.deleteBaselineItem(w.id, i.container, i.itemKey);
      this.store.audit(actor, action, w.key, { added: added.map((i) => `${i.container} ${i.itemKey}`), removed: removed.map((i) => `${i.container} ${i.itemKey}`) }, nowMs);
    });
    for (const i of added) w.items.add(itemId(i.container, i.itemKey));
    for (const i of removed) {
      w.items.delete(itemId(i.container, i.itemKey));
      w.startup.delete(i.container, i.itemKey);
    }
    this.emit('changed', { ...this.change(w, [...added]), removed: [...removed] });
  }

  /** Extend an open learning window by `extraMs`. */
  extendWindow(key: string, extraMs: number, actor: string): WorkloadChange {
    const w = this.byKey.get(key);
    if (!w) throw new Error(`no workload ${key}`);
    if (w.mode !== 'learning' || w.windowEndNs === null) throw new Error(`workload ${key} is not learning; set it to learning (a new window) instead`);
    const end = w.windowEndNs + BigInt(extraMs) * 1_000_000n;
    const nowMs = this.opts.now();
    this.store.transaction(() => {
      this.store.setWindow(w.id, w.windowStartNs, end);
      this.store.audit(actor, 'extend_window', key, { extra_ms: extraMs, window_end_ns: end.toString() }, nowMs);
    });
    w.windowEndNs = end;
    const change = this.change(w);
    this.emit('changed', change);
    this.arm();
    return change;
  }

  /** Locks every learning window that has ended by now. */
  lockDue(): void {
    const nowMs = this.opts.now();
    const nowNs = BigInt(nowMs) * 1_000_000n;
    const locked: Array<{ w: WorkloadState; lockNs: bigint; seq: number }> = [];
    const moved: Array<{ w: WorkloadState; untilNs: bigint; seq: number }> = [];
    // One transaction for every window that ended (1,000 windows ending together took one
    // synced commit each); memory and events follow only once it is committed.
    this.store.transaction(() => {
      for (const w of this.byKey.values()) {
        if (w.mode !== 'learning' || w.windowEndNs === null || w.windowEndNs > nowNs) continue;
        const verdict = this.convergenceVerdict(w, nowNs, nowMs);
        if (verdict === 'wait') continue;
        if (verdict !== null && 'untilNs' in verdict) {
          this.store.setWindow(w.id, w.windowStartNs, verdict.untilNs);
          const detail = { window_end: formatRfc3339Ns(verdict.untilNs), last_new_item: w.lastNewNs === null ? null : formatRfc3339Ns(w.lastNewNs), pods: w.pods.size, nodes: w.nodes.size };
          this.store.audit('system', 'converge_extend', w.key, detail, nowMs);
          moved.push({ w, untilNs: verdict.untilNs, seq: this.store.appendStream('workload.window', { workload: w.key, window_end: detail.window_end }, nowMs) });
          continue;
        }
        const lockNs = verdict?.lockAtNs ?? w.windowEndNs;
        this.store.setMode(w.id, 'detecting', lockNs, 'window');
        this.store.insertModeChange(w.id, lockNs, 'detecting', 'window', nowMs);
        this.store.audit('system', 'lock_baseline', w.key, { items: w.items.size, window_end_ns: lockNs.toString() }, nowMs);
        const seq = this.store.appendStream('workload.mode', { workload: w.key, mode: 'detecting', previous: 'learning', actor: 'window' }, nowMs);
        locked.push({ w, lockNs, seq });
      }
    });
    for (const { w, untilNs, seq } of moved) {
      w.windowEndNs = untilNs;
      this.log.info({ workload: w.key, windowEnd: formatRfc3339Ns(untilNs), pods: w.pods.size, nodes: w.nodes.size }, 'baseline still growing: learning goes on');
      this.emit('changed', this.change(w));
      this.emit('stream', seq);
    }
    for (const { w, lockNs, seq } of locked) {
      w.windowEndNs = lockNs;
      w.history = withChange(w.history, { fromNs: lockNs, mode: 'detecting' });
      w.mode = 'detecting';
      w.lockedAtNs = lockNs;
      this.log.info({ workload: w.key, items: w.items.size }, 'learning window ended: baseline locked, now detecting');
      this.emit('locked', w.key);
      this.emit('changed', this.change(w));
      this.emit('stream', seq);
    }
    this.arm();
  }

  private applyObservation(
    wire: vigil.v1.IObservation,
    nowMs: number,
    counts: BatchOutcome['counts'],
    changes: Map<string, WorkloadChange>,
    streamSeqs: number[],
    created: WorkloadState[],
  ): void {
    const obs = observationFromWire(wire);
    const timeNs = obs.timeNs;
    if (timeNs <= 0n || !obs.workload.kind || !obs.workload.name || !obs.itemKey || !obs.container) {
      // A report this collector cannot place must not invent a workload or move a window to 1970.
      counts.invalid++;
      this.log.warn({ workload: obs.workload, itemKey: obs.itemKey, timeNs: timeNs.toString() }, 'ignored an agent report without time, workload, container or item');
      return;
    }
    const w = this.workloadFor(obs.workload, timeNs, nowMs, created);
    // The workload's identity decides the key, whatever form the agent sent (it may not have
    // heard of a change yet): with lineage, a shell started by nginx is not the entrypoint's.
    const key = obs.type === 'process' ? itemKey(obs, w.identity) : obs.itemKey;
    const id = itemId(obs.container, key);
    const mode = this.modeAtTime(w, timeNs);
    const inImageReview = this.noteImage(w, obs.container, obs.imageDigest, timeNs, mode, nowMs, streamSeqs);
    let decision = decide(mode, w.items.has(id));
    // A rollout's new image: what it brings is learned while its review window lasts.
    if (decision === 'alert' && inImageReview) decision = 'learn';
    const evidence = JSON.stringify(evidenceOf(obs));
    const rating = decision === 'learn' || decision === 'alert' ? this.rules.rate(ratingInput(obs)) : null;
    // A never-learn item seen while learning waits for an operator instead of joining the baseline.
    const review = decision === 'learn' && rating?.neverLearn === true;
    if (review) decision = 'alert';
    const inGrace = inStartupGrace(timeNs, obs.containerStartNs, this.opts.startupGraceMs ?? 0);
    // A restart repeating what containers did at start-up while learning is quiet. Not let in this
    // way: never-learn items, anything rated high or critical, and items that ever raised an
    // alert (resolving one must not let it in through a restart).
    const startupLearn =
      decision === 'alert' &&
      !review &&
      inGrace &&
      rating !== null &&
      !rating.neverLearn &&
      (rating.severity === 'low' || rating.severity === 'medium') &&
      w.startup.matches(obs.container, key) &&
      !w.openAlerts.has(id) &&
      !this.store.latestResolvedAlert(w.id, obs.container, key);
    if (startupLearn) decision = 'learn';
    // Only what was seen while learning defines the start-up set: an item it let in must not
    // widen it for the next restart.
    const startupItem = inGrace && !startupLearn;
    if (decision === 'known') {
      counts.known++;
    } else if (decision === 'learn') {
      this.store.insertBaselineItem({
        workloadId: w.id,
        container: obs.container,
        itemKey: key,
        itemType: obs.type,
        firstSeenNs: timeNs,
        node: obs.node,
        addedBy: 'learned',
        imageDigest: obs.imageDigest,
        evidence,
        startup: startupItem,
      });
      w.items.add(id);
      if (startupItem) w.startup.add(obs.container, key);
      if (startupLearn) {
        counts.startup_learned++;
        this.store.audit('system', 'startup_learn', w.key, { container: obs.container, item: key, container_start: obs.containerStartNs === null ? null : formatRfc3339Ns(obs.containerStartNs) }, nowMs);
      }
      if (w.lastNewNs === null || timeNs > w.lastNewNs) w.lastNewNs = timeNs;
      w.nodes.add(obs.node);
      if (obs.pod) w.pods.add(obs.pod);
      counts.learned++;
      const change = changes.get(w.key) ?? this.change(w, []);
      change.added.push({ container: obs.container, itemKey: key });
      changes.set(w.key, change);
    } else if (decision === 'alert') {
      const active = this.bumpOpenAlert(w, id, 1, timeNs, timeNs, nowMs);
      if (active) {
        const recategorized = !review && this.reviewSeenAfterLock(active, nowMs);
        streamSeqs.push(this.store.appendStream('alert.updated', { alert: active.id, count: active.count, status: active.status, ...(recategorized ? { category: 'deviation' } : {}) }, nowMs));
        counts.aggregated++;
      } else {
        const rated = rating ?? this.rules.rate(ratingInput(obs));
        const category = review ? 'review' : 'deviation';
        const reason = review ? `${rated.reason}${REVIEW_SUFFIX}` : rated.reason;
        const alertId = this.store.insertAlert({
          severity: rated.severity,
          severityReason: reason,
          severityRule: rated.rule,
          category,
          workloadId: w.id,
          container: obs.container,
          itemKey: key,
          itemType: obs.type,
          firstSeenNs: timeNs,
          lastSeenNs: timeNs,
          count: 1,
          node: obs.node,
          evidence,
          nowMs,
        });
        w.openAlerts.set(id, alertId);
        streamSeqs.push(
          this.store.appendStream('alert', { alert: alertId, workload: w.key, container: obs.container, item: key, severity: rated.severity, reason, category }, nowMs),
        );
        if (review) counts.review++;
        else counts.alerted++;
      }
    } else {
      this.store.bumpCounter(w.id, `disabled_${obs.type}`, 1);
      counts.counted++;
    }
  }

  /**
   * Records the container's image digest; true when the event falls in the review window a new
   * digest opened after the lock. Only a change of image opens one (a container's first image is
   * part of its learning, a new container is not a rollout).
   */
  private noteImage(w: WorkloadState, container: string, digest: string | null, timeNs: bigint, mode: ModeName, nowMs: number, streamSeqs: number[]): boolean {
    if (!digest) return false;
    const digests = w.images.get(container) ?? new Map<string, bigint | null>();
    if (digests.has(digest)) {
      const until = digests.get(digest) ?? null;
      return until !== null && timeNs < until;
    }
    const reviewMs = this.opts.imageReviewMs ?? 0;
    const rollout = digests.size > 0 && mode === 'detecting';
    const until = rollout && reviewMs > 0 ? timeNs + BigInt(reviewMs) * 1_000_000n : null;
    digests.set(digest, until);
    w.images.set(container, digests);
    this.store.insertImage({ workloadId: w.id, container, imageDigest: digest, firstSeenNs: timeNs, reviewUntilNs: until });
    if (rollout) {
      const detail = { container, image_digest: digest, review_until: until === null ? null : formatRfc3339Ns(until) };
      this.store.audit('system', 'new_image', w.key, detail, nowMs);
      streamSeqs.push(this.store.appendStream('workload.image', { workload: w.key, ...detail }, nowMs));
      this.log.info({ workload: w.key, container, imageDigest: digest, reviewUntil: until?.toString() ?? null }, 'a new image in a locked workload');
    }
    return until !== null && timeNs < until;
  }

  /**
   * Baselines learned before outbound peers were named by DNS name or public network hold exact
   * public addresses, which agents no longer report: each such item gains its network form
   * (`out:tcp:52.218.61.0/24:443` beside `out:tcp:52.218.61.227:443`), so an upgrade does not turn
   * every learned public connection into an alert. Idempotent; runs at every load.
   */
  private upgradePeerItems(byId: Map<number, WorkloadState>): void {
    let added = 0;
    this.store.transaction(() => {
      for (const w of byId.values()) {
        for (const id of [...w.items]) {
          const { container, itemKey } = splitItem(id);
          const m = /^out:([a-z0-9]+):(.+):(\d+)$/.exec(itemKey);
          if (!m?.[2] || !/^[\d.]+$|:/.test(m[2]) || m[2].includes('/')) continue;
          const upgraded = `out:${m[1]}:${baselinePeer(m[2], null)}:${m[3]}`;
          if (upgraded === itemKey || w.items.has(itemId(container, upgraded))) continue;
          if (this.store.copyItem(w.id, container, itemKey, upgraded)) added++;
          w.items.add(itemId(container, upgraded));
          if (w.startup.has(container, itemKey)) w.startup.add(container, upgraded);
        }
      }
    });
    if (added > 0) this.log.info({ items: added }, 'baselines upgraded: public peers also by network');
  }

  /**
   * An open review alert whose item is seen again after the lock is a deviation now: it must not
   * keep saying "seen while learning" or hide from a category=deviation filter.
   */
  private reviewSeenAfterLock(active: ActiveAlert, nowMs: number): boolean {
    if (active.category !== 'review') return false;
    const alert = this.store.alertById(active.id);
    this.store.recategorize(active.id, (alert?.severityReason ?? '').replace(REVIEW_SUFFIX, ''), nowMs);
    return true;
  }

  /**
   * Adds sightings to the item's alert not yet resolved; undefined when it has none. Memory
   * follows a rolled-back transaction through load(), which rebuilds it from the database.
   */
  private bumpOpenAlert(w: WorkloadState, id: string, count: number, firstNs: bigint, lastNs: bigint, nowMs: number): ActiveAlert | undefined {
    const alertId = w.openAlerts.get(id);
    if (alertId === undefined) return undefined;
    const active = this.store.bumpAlert(alertId, count, firstNs, lastNs, nowMs);
    // Only the service resolves alerts, and it forgets them when it does; a row resolved behind
    // its back must not swallow the sighting: it opens a new alert instead.
    if (!active) w.openAlerts.delete(id);
    return active;
  }

  private applyRepeat(r: vigil.v1.IRepeatCount, nowMs: number, counts: BatchOutcome['counts'], streamSeqs: number[]): void {
    const w = this.byKey.get(workloadKey(workloadFromWire(r.workload)));
    const container = r.container ?? '';
    // The agent may have counted under another identity (before it heard of a change): the key
    // is read in the workload's form, when it holds what that form needs.
    const sent = r.item_key ?? '';
    const item = w ? rekeyProcess(sent, w.identity) : sent;
    if (item === null) {
      counts.repeat_unmatched++;
      return;
    }
    const n = Number(r.count ?? 0);
    const firstNs = nsFromTimestamp(r.first_seen);
    const lastNs = nsFromTimestamp(r.last_seen);
    const active = w ? this.bumpOpenAlert(w, itemId(container, item), n, firstNs, lastNs, nowMs) : undefined;
    if (w && active) {
      const recategorized = this.modeAtTime(w, lastNs) === 'detecting' && this.reviewSeenAfterLock(active, nowMs);
      streamSeqs.push(this.store.appendStream('alert.updated', { alert: active.id, count: active.count, status: active.status, ...(recategorized ? { category: 'deviation' } : {}) }, nowMs));
      counts.repeat++;
      return;
    }
    // The agent counts sightings of an item it already reported, so after an alert is resolved
    // (not approved) the item comes back only as repeat counts: they open a new alert, or
    // resolving an attacker's tool would silence it on that node for good. The item has no open
    // alert here (bumpOpenAlert found none), so its latest alert is its latest resolved one.
    const previous = w && !w.items.has(itemId(container, item)) && this.modeAtTime(w, lastNs) === 'detecting' ? this.store.latestResolvedAlert(w.id, container, item) : undefined;
    if (!w || !previous) {
      // Approved since the agent counted (now in the baseline), or never alerted: nothing to add to.
      counts.repeat_unmatched++;
      return;
    }
    const reason = previous.severityReason.replace(REVIEW_SUFFIX, '');
    const alertId = this.store.insertAlert({
      severity: previous.severity,
      severityReason: reason,
      severityRule: previous.severityRule,
      category: 'deviation',
      workloadId: w.id,
      container,
      itemKey: item,
      itemType: previous.itemType,
      firstSeenNs: firstNs,
      lastSeenNs: lastNs,
      count: n,
      node: previous.node,
      evidence: previous.evidence,
      nowMs,
    });
    w.openAlerts.set(itemId(container, item), alertId);
    streamSeqs.push(this.store.appendStream('alert', { alert: alertId, workload: w.key, container, item, severity: previous.severity, reason, category: 'deviation' }, nowMs));
    counts.alerted++;
  }

  /** The workload's state, created on its first event with the default mode and a window from that event. */
  private workloadFor(id: WorkloadId, timeNs: bigint, nowMs: number, created: WorkloadState[]): WorkloadState {
    const key = workloadKey(id);
    const existing = this.byKey.get(key);
    if (existing) {
      // Only the first window moves: one opened by a SOC action (relearn) starts when it was asked for.
      const firstWindow = existing.history.length === 1;
      if (firstWindow && existing.mode === 'learning' && existing.lockedAtNs === null && existing.windowStartNs !== null && timeNs < existing.windowStartNs) {
        // A node's report older than the first one seen: the window starts at the workload's first event.
        const end = windowEndNs(timeNs, existing.windowMs ?? this.opts.windowMs);
        this.store.setWindow(existing.id, timeNs, end);
        existing.windowStartNs = timeNs;
        existing.windowEndNs = end;
        existing.history = existing.history.map((c, i) => (i === 0 ? { ...c, fromNs: timeNs } : c));
      }
      return existing;
    }
    const mode = this.opts.defaultMode;
    const windowMs = this.overrideFor(id);
    const start = mode === 'learning' ? timeNs : null;
    const end = start === null ? null : windowEndNs(start, windowMs ?? this.opts.windowMs);
    const dbId = this.store.insertWorkload({
      key,
      cluster: id.cluster,
      namespace: id.namespace,
      kind: id.kind,
      name: id.name,
      mode,
      windowStartNs: start,
      windowEndNs: end,
      createdMs: nowMs,
      identity: this.opts.defaultIdentity ?? 'exe',
    });
    this.store.insertModeChange(dbId, timeNs, mode, 'default', nowMs);
    const state: WorkloadState = {
      id: dbId,
      key,
      workload: id,
      mode,
      history: [{ fromNs: timeNs, mode }],
      windowStartNs: start,
      windowEndNs: end,
      lockedAtNs: null,
      windowMs,
      identity: this.opts.defaultIdentity ?? 'exe',
      items: new Set(),
      images: new Map(),
      lastNewNs: null,
      nodes: new Set(),
      pods: new Set(),
      startup: new StartupSet(),
      openAlerts: new Map(),
    };
    if (windowMs !== null) this.store.setWindowLength(dbId, windowMs);
    this.byKey.set(key, state);
    created.push(state);
    this.log.info({ workload: key, mode, windowEnd: end?.toString() }, 'new workload');
    return state;
  }

  /**
   * The mode at event time. An open learning window is a lock scheduled at its end: an event
   * from after the end is decided as detecting even when it arrives before the timer fires.
   */
  private modeAtTime(w: WorkloadState, timeNs: bigint): ModeName {
    const mode = modeAt(w.history, timeNs);
    if (mode === 'learning' && w.mode === 'learning' && w.windowEndNs !== null && timeNs >= w.windowEndNs) {
      // With a convergence rule the window's end is not final until the verdict (up to the
      // maximum): what comes after it is learned, and if it is new it keeps the window open.
      const rule = this.opts.convergence;
      if (rule && w.windowStartNs !== null && timeNs < w.windowStartNs + BigInt(this.convergenceMaxMs(w, rule)) * 1_000_000n) return 'learning';
      return 'detecting';
    }
    return mode;
  }

  private overrideFor(id: WorkloadId): number | null {
    return this.opts.windowOverrides?.get(`${id.namespace}/${id.kind}/${id.name}`) ?? null;
  }

  /** Applies configured window lengths to workloads still learning (a restart with a new override). */
  private applyOverrides(): void {
    for (const w of this.byKey.values()) {
      const ms = this.overrideFor(w.workload);
      if (ms === null || ms === w.windowMs || w.mode !== 'learning' || w.windowStartNs === null) continue;
      w.windowMs = ms;
      w.windowEndNs = windowEndNs(w.windowStartNs, ms);
      this.store.transaction(() => {
        this.store.setWindowLength(w.id, ms);
        this.store.setWindow(w.id, w.windowStartNs, w.windowEndNs);
      });
      this.log.info({ workload: w.key, windowMs: ms }, 'learning window set from configuration');
    }
  }

  private change(w: WorkloadState, added: Array<{ container: string; itemKey: string }> = []): WorkloadChange {
    return { workloadKey: w.key, workload: w.workload, mode: w.mode, windowEndNs: w.windowEndNs, identity: w.identity, added, removed: [] };
  }

  private wireState(w: WorkloadState): vigil.v1.IWorkloadState {
    return {
      workload: { cluster: w.workload.cluster, namespace: w.workload.namespace, kind: w.workload.kind, name: w.workload.name },
      mode: modeValue(w.mode),
      window_end: w.windowEndNs === null ? null : timestampFromNs(w.windowEndNs),
      items: [...w.items].map(splitItem).map((i) => ({ container: i.container, item_key: i.itemKey })),
      identity: identityValue(w.identity),
    };
  }

  /** The convergence maximum, never shorter than the workload's own window (a longer override). */
  private convergenceMaxMs(w: WorkloadState, rule: ConvergenceRule): number {
    return Math.max(rule.maxMs, w.windowMs ?? this.overrideFor(w.workload) ?? this.opts.windowMs);
  }

  /** With a convergence rule, moves the window's end instead of locking while the baseline still grows. */
  /**
   * The convergence verdict for a window that ended: null to lock it at its end, 'wait' for
   * reports still on their way, or where to move its end. Writes nothing (see lockDue).
   */
  private convergenceVerdict(w: WorkloadState, nowNs: bigint, nowMs: number): null | 'wait' | { readonly lockAtNs: bigint } | { readonly untilNs: bigint } {
    const rule = this.opts.convergence;
    if (!rule || w.windowStartNs === null || w.windowEndNs === null) return null;
    // Reports still on their way (an agent's outbox, a collector restart) get a grace period.
    const grace = BigInt(VERDICT_GRACE_MS) * 1_000_000n;
    if (nowNs < w.windowEndNs + grace || nowMs < this.loadedAtMs + VERDICT_GRACE_MS) return 'wait';
    // Items learned in an earlier learning period (learning set again without a relearn) do not count.
    const lastNewNs = w.lastNewNs !== null && w.lastNewNs >= w.windowStartNs ? w.lastNewNs : null;
    const verdict = convergence({ ...rule, maxMs: this.convergenceMaxMs(w, rule) }, { startNs: w.windowStartNs, windowEndNs: w.windowEndNs, nowNs, lastNewNs, pods: w.pods.size, nodes: w.nodes.size });
    return verdict.lock ? { lockAtNs: verdict.atNs } : { untilNs: verdict.untilNs };
  }

  /** Re-arms the lock timer for the earliest open learning window (checked at least every minute). */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    let earliest: bigint | null = null;
    const grace = BigInt(VERDICT_GRACE_MS) * 1_000_000n;
    const graceAfterLoad = BigInt(this.loadedAtMs + VERDICT_GRACE_MS) * 1_000_000n;
    for (const w of this.byKey.values()) {
      if (w.mode !== 'learning' || w.windowEndNs === null) continue;
      // A convergence verdict is due a grace period after the window's end (and after a restart).
      let due = w.windowEndNs;
      if (this.opts.convergence) {
        due += grace;
        if (due < graceAfterLoad) due = graceAfterLoad;
      }
      if (earliest === null || due < earliest) earliest = due;
    }
    if (earliest === null) return;
    const delay = Math.min(60_000, Math.max(0, Number(earliest / 1_000_000n) - this.opts.now()));
    this.timer = setTimeout(() => {
      try {
        this.lockDue();
      } catch (err) {
        // Storage trouble: the lock is retried on the next tick; events past the window end are
        // decided as detecting meanwhile (modeAtTime).
        this.log.error({ err: (err as Error).message }, 'cannot lock a baseline whose window ended; retrying');
        this.timer = setTimeout(() => this.arm(), 5_000);
        this.timer.unref();
      }
    }, delay + 5);
    this.timer.unref();
  }
}

function evidenceOf(obs: ReturnType<typeof observationFromWire>): Record<string, unknown> {
  return {
    time_ns: obs.timeNs.toString(),
    node: obs.node,
    pod: obs.pod,
    container_id: obs.containerId,
    image: obs.image,
    image_digest: obs.imageDigest,
    rule: obs.rule,
    priority: obs.priority,
    ...(obs.type === 'process'
      ? {
          exe: obs.process.exe,
          cmdline: obs.process.cmdline,
          parent: obs.process.parentExe,
          user: obs.process.user,
          uid: obs.process.uid,
          pid: obs.process.pid,
          exe_upper_layer: obs.process.exeUpperLayer,
        }
      : { network: obs.network }),
  };
}
