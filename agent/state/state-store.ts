// The agent's durable state in one SQLite file: the outbox of reports not yet acknowledged by the
// collector (each with a per-agent sequence number), the collector's modes and baselines as last
// received, and the items this agent has reported itself. With these the agent loses nothing
// across restarts and collector outages, and keeps deciding locally while offline.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { describeSqliteError, migrateSchema } from './sqlite-schema.js';
import type { ItemIdentity } from '../model/item-key.js';

export type OutboxKind = 'learning' | 'deviation' | 'repeat';

export interface KnownItem {
  readonly workloadKey: string;
  readonly container: string;
  readonly itemKey: string;
}

export interface OutboxEntry {
  readonly seq: number;
  readonly kind: OutboxKind;
  readonly body: Buffer;
}

export interface CachedWorkload {
  /** e.g. "prod/shop/Deployment/web" */
  readonly workloadKey: string;
  readonly workload: { cluster: string; namespace: string; kind: string; name: string };
  readonly mode: 'learning' | 'detecting' | 'disabled';
  /** Nanoseconds since the epoch; stored as TEXT because it exceeds 2^53. */
  readonly windowEndNs: bigint | null;
  readonly items: readonly { container: string; itemKey: string }[];
  /** How the workload's process items are keyed (the collector decides; default exe). */
  readonly identity: ItemIdentity;
}

export interface StateStoreOptions {
  /** Created (recursively) if missing. */
  readonly dir: string;
  /** Bound on outbox rows; see append() for what is dropped first. */
  readonly maxOutboxRows: number;
}

export class StateStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StateStoreError';
  }
}

type Item = { container: string; itemKey: string };
type Mode = CachedWorkload['mode'];

/** Drop order when the outbox is over its bound: learning items are re-observed anyway (once
 * un-recorded as reported, see dropKnown), deviations are what the SOC must see. */
const DROP_ORDER: readonly OutboxKind[] = ['learning', 'repeat', 'deviation'];

const STATE_FILE = 'agent-state.db';

/**
 * How long acknowledged rows may stay in the file when no append comes to delete them. Deleting
 * them is deferred because every transaction costs an fsync (`synchronous = FULL`): 0.15 ms
 * typically, tens of ms now and then on a shared disk, and meanwhile the event loop waits. Rows
 * left behind by a crash are only resent and dropped by the collector as duplicates.
 */
const ACK_DELETE_DELAY_MS = 1_000;

/**
 * Recently appended entries kept in memory, so that the link sends what was just written
 * without reading it back (a query per event-loop turn, ≈5 % of the agent's time at 1,000
 * deviations/s). Older entries (a backlog after a collector outage) are read from the file.
 */
const MAX_RECENT = 5_000;

// Versioned schema migrations, applied in order by PRAGMA user_version. Never edit a released
// step; add a new one.
const MIGRATIONS: readonly string[] = [
  // 1: the first schema.
  `
  CREATE TABLE meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

  -- last_seq is a persisted counter rather than MAX(seq): the outbox can be empty (everything
  -- acknowledged or dropped) and a seq must never be handed out twice.
  CREATE TABLE counters (
    name   TEXT PRIMARY KEY,
    value  INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  INSERT INTO counters (name, value) VALUES
    ('last_seq', 0), ('acked_seq', 0),
    ('dropped_learning', 0), ('dropped_repeat', 0), ('dropped_deviation', 0);

  -- seq is the rowid: pending() reads by primary key. The known_* columns remember which
  -- reported item an entry carried, so that dropping the entry can un-record it.
  CREATE TABLE outbox (
    seq              INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('learning', 'deviation', 'repeat')),
    body             BLOB NOT NULL,
    known_workload   TEXT,
    known_container  TEXT,
    known_item       TEXT
  ) STRICT;
  -- The bound policy deletes the oldest rows of one kind.
  CREATE INDEX outbox_kind ON outbox(kind, seq);

  CREATE TABLE reported (
    workload_key  TEXT NOT NULL,
    container     TEXT NOT NULL,
    item_key      TEXT NOT NULL,
    PRIMARY KEY (workload_key, container, item_key)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE workloads (
    workload_key   TEXT PRIMARY KEY,
    cluster        TEXT NOT NULL,
    namespace      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    name           TEXT NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('learning', 'detecting', 'disabled')),
    window_end_ns  TEXT
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE workload_items (
    workload_key  TEXT NOT NULL,
    container     TEXT NOT NULL,
    item_key      TEXT NOT NULL,
    PRIMARY KEY (workload_key, container, item_key)
  ) STRICT, WITHOUT ROWID;
  `,
  // 2: the workload's item identity (exe, or exe + parent: lineage).
  `
  ALTER TABLE workloads ADD COLUMN identity TEXT NOT NULL DEFAULT 'exe' CHECK (identity IN ('exe', 'lineage'));
  `,
  // 3: a third identity, args (exe + an interpreter's normalized program). SQLite cannot change a
  // CHECK, so the column is replaced (its CHECK is its own, which DROP COLUMN allows).
  `
  ALTER TABLE workloads ADD COLUMN identity_v3 TEXT NOT NULL DEFAULT 'exe' CHECK (identity_v3 IN ('exe', 'lineage', 'args'));
  UPDATE workloads SET identity_v3 = identity;
  ALTER TABLE workloads DROP COLUMN identity;
  ALTER TABLE workloads RENAME COLUMN identity_v3 TO identity;
  `,
];

interface OutboxRow {
  seq: number;
  kind: OutboxKind;
  body: Buffer;
}
interface WorkloadRow {
  workload_key: string;
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  mode: Mode;
  window_end_ns: string | null;
  identity: ItemIdentity;
}
interface ItemRow {
  workload_key: string;
  container: string;
  item_key: string;
}
interface CounterRow {
  name: string;
  value: number;
}

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

export class StateStore {
  readonly agentId: string;
  readonly file: string;

  private readonly maxOutboxRows: number;
  private last: number;
  /** Highest acknowledged seq, in memory: rows up to it are no longer pending. */
  private acked: number;
  /** Highest acknowledged seq whose rows are deleted and which is persisted as acked_seq. */
  private ackedOnDisk: number;
  private ackDeleteTimer: NodeJS.Timeout | null = null;
  /** The newest outbox entries, consecutive seqs in order, exactly as committed (see MAX_RECENT). */
  private recent: OutboxEntry[] = [];
  /** Unacknowledged outbox rows. */
  private rows: number;
  private readonly drops: Record<OutboxKind, number>;

  private readonly insertOutbox: Statement<[number, OutboxKind, Buffer, string | null, string | null, string | null]>;
  private readonly insertReported: Statement<[string, string, string]>;
  private readonly setCounter: Statement<[number, string]>;
  private readonly selectPending: Statement<[number, number], OutboxRow>;
  private readonly deleteAcked: Statement<[number]>;
  private readonly countBetween: Statement<[number, number], { n: number }>;
  private readonly dropKnown: Statement<[OutboxKind, number]>;
  private readonly dropOldest: Statement<[OutboxKind, number]>;
  private readonly upsertWorkload: Statement<[string, string, string, string, string, Mode, string | null, ItemIdentity]>;
  private readonly deleteItems: Statement<[string]>;
  private readonly insertItem: Statement<[string, string, string]>;
  private readonly deleteItem: Statement<[string, string, string]>;
  private readonly selectWorkloads: Statement<[], WorkloadRow>;
  private readonly selectItems: Statement<[], ItemRow>;
  private readonly selectReported: Statement<[], ItemRow>;
  private readonly deleteReported: Statement<[string]>;

  private readonly appendTx: (entries: ReadonlyArray<{ kind: OutboxKind; body: Buffer; known?: KnownItem }>) => {
    seqs: number[];
    dropped: Record<OutboxKind, number>;
    droppedTotal: number;
  };

  /**
   * Opens (creating if needed) `${dir}/agent-state.db`. Throws StateStoreError naming the file and
   * the cause when the directory cannot be created, the file cannot be opened, is not a database
   * or comes from a newer vigil.
   */
  static open(opts: StateStoreOptions, log: Logger): StateStore {
    const file = join(opts.dir, STATE_FILE);
    if (!Number.isSafeInteger(opts.maxOutboxRows) || opts.maxOutboxRows < 1) {
      throw new StateStoreError(`agent state ${file}: maxOutboxRows must be a positive integer, got ${opts.maxOutboxRows}`);
    }
    try {
      mkdirSync(opts.dir, { recursive: true });
    } catch (err) {
      throw new StateStoreError(`cannot open agent state ${file}: cannot create directory ${opts.dir}: ${describeSqliteError(err)}`, {
        cause: err,
      });
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(file);
      // The first statement that reads the file: a corrupt or foreign file fails here (SQLITE_NOTADB).
      const journal = db.pragma('journal_mode = WAL', { simple: true });
      if (journal !== 'wal') log.warn({ file, journal }, 'agent state: WAL is not available on this filesystem');
      // FULL: the outbox is the only copy of a report until the collector acknowledges it, and a
      // sequence must never be handed out twice (the collector would drop the second as a
      // duplicate). WAL with NORMAL survives a process crash but can lose the last commits on a
      // power loss; appends are batched (at most one commit per 5 ms, Reporter), so the fsync is paid per batch.
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      migrateSchema(db, MIGRATIONS, `agent state ${file}`);
      const store = new StateStore(db, file, opts.maxOutboxRows, log);
      log.info(
        { file, agentId: store.agentId, depth: store.depth, lastSeq: store.lastSeq, ackedSeq: store.ackedSeq },
        'agent state opened',
      );
      return store;
    } catch (err) {
      db?.close();
      if (err instanceof StateStoreError) throw err;
      throw new StateStoreError(`cannot open agent state ${file}: ${describeSqliteError(err)}`, { cause: err });
    }
  }

  private constructor(
    private readonly db: Database.Database,
    file: string,
    maxOutboxRows: number,
    private readonly log: Logger,
  ) {
    this.file = file;
    this.maxOutboxRows = maxOutboxRows;

    // The agent id is created once, in the same file as the seqs it numbers: a new file means a
    // new id, so the collector never confuses a fresh seq 1 with an old one.
    db.prepare<[string]>(`INSERT OR IGNORE INTO meta (key, value) VALUES ('agent_id', ?)`).run(randomUUID());
    const id = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'agent_id'`).get();
    if (!id) throw new StateStoreError(`agent state ${file}: agent id missing after creation`);
    this.agentId = id.value;

    const counters = new Map(
      db
        .prepare<[], CounterRow>('SELECT name, value FROM counters')
        .all()
        .map((r) => [r.name, r.value]),
    );
    const counter = (name: string): number => {
      const v = counters.get(name);
      if (v === undefined) throw new StateStoreError(`agent state ${file}: counter ${name} is missing`);
      return v;
    };
    this.last = counter('last_seq');
    this.acked = counter('acked_seq');
    this.ackedOnDisk = this.acked;
    this.drops = { learning: counter('dropped_learning'), repeat: counter('dropped_repeat'), deviation: counter('dropped_deviation') };
    // Counted once here; every change after this is tracked in memory.
    this.rows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM outbox').get()?.n ?? 0;

    this.insertOutbox = db.prepare(
      'INSERT INTO outbox (seq, kind, body, known_workload, known_container, known_item) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertReported = db.prepare('INSERT OR IGNORE INTO reported (workload_key, container, item_key) VALUES (?, ?, ?)');
    this.setCounter = db.prepare('UPDATE counters SET value = ? WHERE name = ?');
    this.selectPending = db.prepare('SELECT seq, kind, body FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
    this.deleteAcked = db.prepare('DELETE FROM outbox WHERE seq <= ?');
    this.countBetween = db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE seq > ? AND seq <= ?');
    // A dropped report never reached the collector: un-record its item so that the next
    // occurrence (after a restart) is reported again instead of being taken as known.
    this.dropKnown = db.prepare(
      `DELETE FROM reported WHERE (workload_key, container, item_key) IN (
         SELECT known_workload, known_container, known_item FROM outbox WHERE kind = ? ORDER BY seq LIMIT ?)`,
    );
    this.dropOldest = db.prepare('DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE kind = ? ORDER BY seq LIMIT ?)');
    this.upsertWorkload = db.prepare(
      `INSERT INTO workloads (workload_key, cluster, namespace, kind, name, mode, window_end_ns, identity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (workload_key) DO UPDATE SET cluster = excluded.cluster, namespace = excluded.namespace,
         kind = excluded.kind, name = excluded.name, mode = excluded.mode, window_end_ns = excluded.window_end_ns, identity = excluded.identity`,
    );
    this.deleteItems = db.prepare('DELETE FROM workload_items WHERE workload_key = ?');
    this.insertItem = db.prepare('INSERT OR IGNORE INTO workload_items (workload_key, container, item_key) VALUES (?, ?, ?)');
    this.deleteItem = db.prepare('DELETE FROM workload_items WHERE workload_key = ? AND container = ? AND item_key = ?');
    this.selectWorkloads = db.prepare(
      'SELECT workload_key, cluster, namespace, kind, name, mode, window_end_ns, identity FROM workloads ORDER BY workload_key',
    );
    this.selectItems = db.prepare(
      'SELECT workload_key, container, item_key FROM workload_items ORDER BY workload_key, container, item_key',
    );
    this.selectReported = db.prepare('SELECT workload_key, container, item_key FROM reported ORDER BY workload_key, container, item_key');
    this.deleteReported = db.prepare('DELETE FROM reported WHERE workload_key = ?');

    this.appendTx = db.transaction((entries) => {
      // Acknowledged rows go in the same commit (no fsync of their own), and before the bound
      // below looks for the oldest rows to drop.
      this.deleteAckedRows();
      let seq = this.last;
      const seqs: number[] = [];
      for (const e of entries) {
        seq++;
        const k = e.known;
        this.insertOutbox.run(seq, e.kind, e.body, k?.workloadKey ?? null, k?.container ?? null, k?.itemKey ?? null);
        if (k) this.insertReported.run(k.workloadKey, k.container, k.itemKey);
        seqs.push(seq);
      }
      this.setCounter.run(seq, 'last_seq');

      const dropped: Record<OutboxKind, number> = { learning: 0, repeat: 0, deviation: 0 };
      let excess = this.rows + entries.length - this.maxOutboxRows;
      let droppedTotal = 0;
      for (const kind of DROP_ORDER) {
        if (excess <= 0) break;
        this.dropKnown.run(kind, excess);
        const n = this.dropOldest.run(kind, excess).changes;
        if (n > 0) {
          dropped[kind] = n;
          this.setCounter.run(this.drops[kind] + n, `dropped_${kind}`);
          excess -= n;
          droppedTotal += n;
        }
      }
      return { seqs, dropped, droppedTotal };
    });
  }

  /**
   * Appends entries in ONE transaction, assigning strictly increasing seqs that are never reused
   * (even after deletes or restarts), and records each entry's `known` item as reported in the
   * same transaction. Then, if the outbox holds more than maxOutboxRows, deletes the oldest
   * learning entries, then the oldest repeats, then the oldest deviations until it fits (new
   * entries included: their seqs are still returned and never reused). Returns the seqs in order.
   * Throws StateStoreError (nothing written) on failure, naming a full disk as such.
   */
  append(entries: ReadonlyArray<{ kind: OutboxKind; body: Buffer; known?: KnownItem }>): number[] {
    if (entries.length === 0) return [];
    let result: ReturnType<typeof this.appendTx>;
    const acked = this.acked;
    try {
      result = this.appendTx(entries);
    } catch (err) {
      // The transaction was rolled back: in-memory counters are untouched, so they still match the file.
      const full = codeOf(err) === 'SQLITE_FULL';
      throw new StateStoreError(
        `cannot append ${entries.length} reports to agent state ${this.file}: ${full ? 'disk full, ' : ''}${describeSqliteError(err)}`,
        { cause: err },
      );
    }
    // Committed: now the in-memory mirrors may move.
    this.ackedOnDisk = acked;
    this.last = result.seqs[result.seqs.length - 1] ?? this.last;
    this.rows += entries.length - result.droppedTotal;
    this.remember(entries, result.seqs, result.droppedTotal > 0);
    if (result.droppedTotal > 0) {
      for (const kind of DROP_ORDER) this.drops[kind] += result.dropped[kind];
      this.log.warn(
        { dropped: result.dropped, maxOutboxRows: this.maxOutboxRows, depth: this.rows, ackedSeq: this.acked, lastSeq: this.last },
        'agent outbox over its bound (collector not acknowledging): dropped the oldest reports, learning first, then repeats, then deviations',
      );
    }
    return result.seqs;
  }

  /** Unacknowledged outbox entries with seq > after, ascending, at most `limit`. */
  pending(after: number, limit: number): OutboxEntry[] {
    const from = Math.max(after, this.acked);
    const first = this.recent[0];
    if (first && from >= first.seq - 1) {
      // Everything above `from` is in memory: the recent entries run, without a gap, to the last seq.
      const start = from - first.seq + 1;
      return this.recent.slice(start, start + limit);
    }
    return this.selectPending.all(from, limit);
  }

  private remember(entries: ReadonlyArray<{ kind: OutboxKind; body: Buffer }>, seqs: readonly number[], dropped: boolean): void {
    if (dropped) {
      // The bound deleted rows, maybe recent ones: the file alone knows what is left.
      this.recent = [];
      return;
    }
    const last = this.recent[this.recent.length - 1];
    if (last && last.seq + 1 !== seqs[0]) this.recent = [];
    entries.forEach((e, i) => this.recent.push({ seq: seqs[i] ?? 0, kind: e.kind, body: e.body }));
    if (this.recent.length > MAX_RECENT) this.recent = this.recent.slice(this.recent.length - MAX_RECENT);
  }

  /**
   * The collector stored everything up to `seq`: ackedSeq = max(ackedSeq, seq), and those entries
   * are no longer pending. Their rows are deleted (and ackedSeq persisted) with the next append,
   * or after ACK_DELETE_DELAY_MS, or on close; until then a restart resends them, and the
   * collector, which stored them, ignores them.
   */
  acknowledge(seq: number): void {
    if (!Number.isSafeInteger(seq) || seq < 0) {
      throw new StateStoreError(`agent state ${this.file}: invalid acknowledged seq ${seq}`);
    }
    if (seq > this.last) {
      // An ack beyond what was ever assigned: the caller must rebase() first, or the collector
      // would drop every report numbered at or below `seq` as a duplicate.
      this.log.warn({ seq, lastSeq: this.last, agentId: this.agentId }, 'agent state: ignored acknowledgement beyond the last assigned seq');
      return;
    }
    if (seq <= this.acked) return;
    this.rows -= this.countBetween.get(this.acked, seq)?.n ?? 0;
    this.acked = seq;
    const first = this.recent[0];
    if (first && first.seq <= seq) this.recent = this.recent.slice(Math.min(this.recent.length, seq - first.seq + 1));
    if (!this.ackDeleteTimer) {
      this.ackDeleteTimer = setTimeout(() => this.deleteAcknowledged(), ACK_DELETE_DELAY_MS);
      this.ackDeleteTimer.unref();
    }
  }

  /** Deletes acknowledged rows and persists ackedSeq now (an append does it on the way). */
  deleteAcknowledged(): void {
    if (this.ackDeleteTimer) clearTimeout(this.ackDeleteTimer);
    this.ackDeleteTimer = null;
    if (this.ackedOnDisk === this.acked || !this.db.open) return;
    const acked = this.acked;
    try {
      this.db.transaction(() => this.deleteAckedRows())();
      this.ackedOnDisk = acked;
    } catch (err) {
      // Nothing is lost: the rows stay, are no longer pending, and the next append retries.
      this.log.warn({ err: describeSqliteError(err), file: this.file }, 'agent state: cannot delete acknowledged reports yet');
    }
  }

  /** Inside a transaction. */
  private deleteAckedRows(): void {
    if (this.ackedOnDisk === this.acked) return;
    this.deleteAcked.run(this.acked);
    this.setCounter.run(this.acked, 'acked_seq');
  }

  /**
   * The collector already holds sequences up to `stored` for this agent id, beyond anything this
   * file assigned (an older copy of the state was restored, or another agent uses the id).
   * Renumbers the unacknowledged reports above `stored`, keeping their order, so none of them is
   * taken for a duplicate; later reports continue from there.
   */
  rebase(stored: number): void {
    if (!Number.isSafeInteger(stored) || stored <= this.last) return;
    const delta = stored - this.acked;
    this.db.transaction(() => {
      this.deleteAckedRows();
      // The new range (stored, stored + depth] lies above the old one: no key collides.
      this.db.prepare('UPDATE outbox SET seq = seq + ?').run(delta);
      this.setCounter.run(this.last + delta, 'last_seq');
      this.setCounter.run(stored, 'acked_seq');
    })();
    this.log.error(
      { agentId: this.agentId, collectorSeq: stored, lastSeq: this.last, renumbered: this.rows },
      'the collector holds later sequences for this agent id than this state file: an older copy of the state, or another agent with the same id; unacknowledged reports were renumbered',
    );
    this.last += delta;
    this.acked = stored;
    this.ackedOnDisk = stored;
    this.recent = [];
  }

  /** Highest acknowledged seq (persisted with the next append, within ACK_DELETE_DELAY_MS, or on close); 0 initially. */
  get ackedSeq(): number {
    return this.acked;
  }

  /** Highest seq ever assigned; 0 initially. */
  get lastSeq(): number {
    return this.last;
  }

  /** Outbox rows not yet acknowledged. */
  get depth(): number {
    return this.rows;
  }

  /** Entries dropped by the bound, by kind, since the state file was created. */
  dropped(): Record<OutboxKind, number> {
    return { ...this.drops };
  }

  /** Replace the cached state of one workload (mode, window end, full item list). */
  saveWorkload(w: CachedWorkload): void {
    this.db.transaction(() => {
      this.putWorkload(w.workloadKey, w.workload, w.mode, w.windowEndNs, w.identity);
      this.deleteItems.run(w.workloadKey);
      for (const i of w.items) this.insertItem.run(w.workloadKey, i.container, i.itemKey);
    })();
  }

  /**
   * Apply a change to a cached workload: new mode/window, items removed, then items added (an
   * item in both lists ends up present). Creates the workload if absent.
   */
  applyDelta(d: {
    workloadKey: string;
    workload: CachedWorkload['workload'];
    mode: Mode;
    windowEndNs: bigint | null;
    added: readonly Item[];
    removed: readonly Item[];
    identity: ItemIdentity;
  }): void {
    this.db.transaction(() => {
      this.putWorkload(d.workloadKey, d.workload, d.mode, d.windowEndNs, d.identity);
      for (const i of d.removed) this.deleteItem.run(d.workloadKey, i.container, i.itemKey);
      for (const i of d.added) this.insertItem.run(d.workloadKey, i.container, i.itemKey);
    })();
  }

  loadWorkloads(): CachedWorkload[] {
    const items = new Map<string, Item[]>();
    for (const r of this.selectItems.iterate()) {
      let list = items.get(r.workload_key);
      if (!list) items.set(r.workload_key, (list = []));
      list.push({ container: r.container, itemKey: r.item_key });
    }
    return this.selectWorkloads.all().map((r) => ({
      workloadKey: r.workload_key,
      workload: { cluster: r.cluster, namespace: r.namespace, kind: r.kind, name: r.name },
      mode: r.mode,
      windowEndNs: r.window_end_ns === null ? null : this.parseNs(r.window_end_ns, r.workload_key),
      items: items.get(r.workload_key) ?? [],
      identity: r.identity,
    }));
  }

  /** Items this agent has reported (recorded by append, un-recorded when the bound drops their report). */
  loadReported(): KnownItem[] {
    return this.selectReported.all().map((r) => ({ workloadKey: r.workload_key, container: r.container, itemKey: r.item_key }));
  }

  /** Forget reported items that the collector has put into a baseline, or that a relearn cleared (by workload). */
  forgetReported(workloadKey: string): void {
    this.deleteReported.run(workloadKey);
  }

  close(): void {
    // Closing checkpoints the WAL into the main file; a second close is a no-op.
    this.deleteAcknowledged();
    if (this.db.open) this.db.close();
  }

  private putWorkload(key: string, w: CachedWorkload['workload'], mode: Mode, windowEndNs: bigint | null, identity: ItemIdentity): void {
    this.upsertWorkload.run(key, w.cluster, w.namespace, w.kind, w.name, mode, windowEndNs === null ? null : windowEndNs.toString(), identity);
  }

  private parseNs(text: string, workloadKey: string): bigint {
    if (!/^-?\d+$/.test(text)) {
      throw new StateStoreError(`agent state ${this.file}: workload ${workloadKey} has a malformed window end ${JSON.stringify(text)}`);
    }
    return BigInt(text);
  }
}

function codeOf(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

