// Versioned schema migrations, applied in order by PRAGMA user_version. Never edit a released
// step; add a new one. Times of events are nanoseconds since the epoch in INTEGER columns
// (they fit in SQLite's 64-bit integers; read them with safeIntegers); times of actions taken by
// the collector are milliseconds.

export const MIGRATIONS: readonly string[] = [
  // 1: the first schema.
  `
  CREATE TABLE agents (
    agent_id       TEXT PRIMARY KEY,
    node           TEXT NOT NULL,
    cluster        TEXT NOT NULL,
    version        TEXT NOT NULL,
    falco_version  TEXT NOT NULL,
    last_seq       INTEGER NOT NULL DEFAULT 0,
    first_seen_ms  INTEGER NOT NULL,
    last_seen_ms   INTEGER NOT NULL,
    heartbeat_ms   INTEGER,
    stats          TEXT
  ) STRICT;

  CREATE TABLE workloads (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    cluster        TEXT NOT NULL,
    namespace      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    name           TEXT NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('learning', 'detecting', 'disabled')),
    window_ms      INTEGER,
    window_start_ns INTEGER,
    window_end_ns  INTEGER,
    locked_at_ns   INTEGER,
    locked_by      TEXT,
    created_ms     INTEGER NOT NULL
  ) STRICT;

  -- The mode from each moment on, so decisions use the mode at the event's time.
  CREATE TABLE mode_history (
    workload_id    INTEGER NOT NULL REFERENCES workloads(id),
    from_ns        INTEGER NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('learning', 'detecting', 'disabled')),
    actor          TEXT NOT NULL,
    at_ms          INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX mode_history_workload ON mode_history(workload_id, from_ns);

  CREATE TABLE baseline_items (
    workload_id    INTEGER NOT NULL REFERENCES workloads(id),
    container      TEXT NOT NULL,
    item_key       TEXT NOT NULL,
    item_type      TEXT NOT NULL CHECK (item_type IN ('process', 'network')),
    first_seen_ns  INTEGER NOT NULL,
    node           TEXT NOT NULL,
    added_by       TEXT NOT NULL CHECK (added_by IN ('learned', 'approved', 'manual')),
    image_digest   TEXT,
    evidence       TEXT NOT NULL,
    PRIMARY KEY (workload_id, container, item_key)
  ) STRICT;

  CREATE TABLE alerts (
    id             INTEGER PRIMARY KEY,
    workload_id    INTEGER NOT NULL REFERENCES workloads(id),
    container      TEXT NOT NULL,
    item_key       TEXT NOT NULL,
    item_type      TEXT NOT NULL CHECK (item_type IN ('process', 'network')),
    status         TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    first_seen_ns  INTEGER NOT NULL,
    last_seen_ns   INTEGER NOT NULL,
    count          INTEGER NOT NULL,
    node           TEXT NOT NULL,
    evidence       TEXT NOT NULL,
    created_ms     INTEGER NOT NULL,
    updated_ms     INTEGER NOT NULL
  ) STRICT;
  -- One alert per workload + container + item until it is resolved.
  CREATE UNIQUE INDEX alerts_active ON alerts(workload_id, container, item_key) WHERE status != 'resolved';
  CREATE INDEX alerts_status ON alerts(status, id);

  CREATE TABLE counters (
    workload_id    INTEGER NOT NULL REFERENCES workloads(id),
    name           TEXT NOT NULL,
    value          INTEGER NOT NULL,
    PRIMARY KEY (workload_id, name)
  ) STRICT;

  CREATE TABLE audit (
    id             INTEGER PRIMARY KEY,
    at_ms          INTEGER NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    target         TEXT NOT NULL,
    detail         TEXT NOT NULL
  ) STRICT;

  -- One monotonic sequence for everything a SOC client may need to replay.
  CREATE TABLE stream (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms          INTEGER NOT NULL,
    type           TEXT NOT NULL,
    payload        TEXT NOT NULL
  ) STRICT;
  `,
  // 2: alert severity (built-in rating; see collector/baseline/severity.ts).
  `
  ALTER TABLE alerts ADD COLUMN severity TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high', 'critical'));
  ALTER TABLE alerts ADD COLUMN severity_reason TEXT NOT NULL DEFAULT '';
  `,
  // 3: severity rules (rules/severity.yaml): the deciding rule, and review alerts for
  // never-learn items seen while learning.
  `
  ALTER TABLE alerts ADD COLUMN category TEXT NOT NULL DEFAULT 'deviation' CHECK (category IN ('deviation', 'review'));
  ALTER TABLE alerts ADD COLUMN severity_rule TEXT NOT NULL DEFAULT '';
  `,
  // 4: image digests seen per workload container (image-aware baselines): when each was first
  // seen, and until when novel items with it are learned after a rollout (null: no review window).
  `
  CREATE TABLE workload_images (
    workload_id    INTEGER NOT NULL REFERENCES workloads(id),
    container      TEXT NOT NULL,
    image_digest   TEXT NOT NULL,
    first_seen_ns  INTEGER NOT NULL,
    review_until_ns INTEGER,
    PRIMARY KEY (workload_id, container, image_digest)
  ) STRICT;
  INSERT OR IGNORE INTO workload_images (workload_id, container, image_digest, first_seen_ns)
    SELECT workload_id, container, image_digest, MIN(first_seen_ns) FROM baseline_items WHERE image_digest != '' GROUP BY workload_id, container, image_digest;
  `,
  // 5: how a workload's process items are identified: exe, or exe + parent (lineage).
  `
  ALTER TABLE workloads ADD COLUMN identity TEXT NOT NULL DEFAULT 'exe' CHECK (identity IN ('exe', 'lineage'));
  `,
  // 6: start-up grace: baseline items first seen shortly after their container started (the
  // workload's start-up set); and a third process identity, exe + normalized arguments (args).
  // SQLite cannot change a CHECK, so the identity column is replaced (its CHECK is its own, which
  // DROP COLUMN allows).
  `
  ALTER TABLE baseline_items ADD COLUMN startup INTEGER NOT NULL DEFAULT 0 CHECK (startup IN (0, 1));
  ALTER TABLE workloads ADD COLUMN identity_v6 TEXT NOT NULL DEFAULT 'exe' CHECK (identity_v6 IN ('exe', 'lineage', 'args'));
  UPDATE workloads SET identity_v6 = identity;
  ALTER TABLE workloads DROP COLUMN identity;
  ALTER TABLE workloads RENAME COLUMN identity_v6 TO identity;
  `,
  // 7: no unique index on an item's alert not yet resolved. Its entry went to a random place of
  // a B-tree with every new alert, which cost about half of the store's time (the pages it
  // dirtied were written to the WAL at each commit); the collector keeps those alerts in memory
  // and allows one per item itself (BaselineService). Listing workloads counts them by status.
  `
  DROP INDEX alerts_active;
  `,
  // 8: the CHECKs of alerts and baseline_items written as equalities joined by OR. SQLite
  // evaluates \`x IN (a, b, c)\` (three values or more) by building a temporary B-tree for every
  // row it writes: two per new alert, one per learned item, about a tenth of the store's CPU.
  // A CHECK cannot be altered, so both tables are rebuilt (same columns, same order, same rows and
  // ids); the rows meet the new checks, which accept exactly what the old ones did.
  `
  CREATE TABLE alerts_v8 (
    id             INTEGER PRIMARY KEY,
    workload_id    INTEGER NOT NULL REFERENCES workloads(id),
    container      TEXT NOT NULL,
    item_key       TEXT NOT NULL,
    item_type      TEXT NOT NULL CHECK (item_type = 'process' OR item_type = 'network'),
    status         TEXT NOT NULL CHECK (status = 'open' OR status = 'acknowledged' OR status = 'resolved'),
    first_seen_ns  INTEGER NOT NULL,
    last_seen_ns   INTEGER NOT NULL,
    count          INTEGER NOT NULL,
    node           TEXT NOT NULL,
    evidence       TEXT NOT NULL,
    created_ms     INTEGER NOT NULL,
    updated_ms     INTEGER NOT NULL,
    severity       TEXT NOT NULL DEFAULT 'medium' CHECK (severity = 'low' OR severity = 'medium' OR severity = 'high' OR severity = 'critical'),
    severity_reason TEXT NOT NULL DEFAULT '',
    category       TEXT NOT NULL DEFAULT 'deviation' CHECK (category = 'deviation' OR category = 'review'),
    severity_rule  TEXT NOT NULL DEFAULT ''
  ) STRICT;
  INSERT INTO alerts_v8 SELECT id, workload_id, container, item_key, item_type, status, first_seen_ns, last_seen_ns, count, node, evidence,
    created_ms, updated_ms, severity, severity_reason, category, severity_rule FROM alerts;
  DROP TABLE alerts;
  ALTER TABLE alerts_v8 RENAME TO alerts;
  CREATE INDEX alerts_status ON alerts(status, id);

  CREATE TABLE baseline_items_v8 (
    workload_id    INTEGER NOT NULL REFERENCES workloads(id),
    container      TEXT NOT NULL,
    item_key       TEXT NOT NULL,
    item_type      TEXT NOT NULL CHECK (item_type = 'process' OR item_type = 'network'),
    first_seen_ns  INTEGER NOT NULL,
    node           TEXT NOT NULL,
    added_by       TEXT NOT NULL CHECK (added_by = 'learned' OR added_by = 'approved' OR added_by = 'manual'),
    image_digest   TEXT,
    evidence       TEXT NOT NULL,
    startup        INTEGER NOT NULL DEFAULT 0 CHECK (startup = 0 OR startup = 1),
    PRIMARY KEY (workload_id, container, item_key)
  ) STRICT;
  INSERT INTO baseline_items_v8 SELECT workload_id, container, item_key, item_type, first_seen_ns, node, added_by, image_digest, evidence, startup
    FROM baseline_items;
  DROP TABLE baseline_items;
  ALTER TABLE baseline_items_v8 RENAME TO baseline_items;
  `,
  // 9: resolved alerts indexed by item. A repeat count for an item with no open alert (resolved,
  // the process still running) and a start-up match both ask for the item's latest resolved
  // alert, which read the whole alerts table without an index. Partial: a new alert is open, so
  // storing one writes nothing here (an index of every alert by item put an entry at a random
  // place of a B-tree per new alert, the WAL cost schema 7 removed); resolving one writes one
  // entry. An item's open alert is found in the collector's memory (BaselineService).
  `
  CREATE INDEX alerts_resolved_item ON alerts(workload_id, container, item_key) WHERE status = 'resolved';
  `,
];
