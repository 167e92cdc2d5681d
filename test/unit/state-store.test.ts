import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { pino, type Logger } from 'pino';
import { StateStore, StateStoreError, type CachedWorkload, type OutboxKind } from '../../agent/state/state-store.js';

const root = mkdtempSync(join(tmpdir(), 'vigil-state-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
function freshDir(): string {
  return join(root, `s${++dirs}`);
}

function capture(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}
const quiet = pino({ level: 'silent' });

function open(dir: string, maxOutboxRows = 1000, log: Logger = quiet): StateStore {
  return StateStore.open({ dir, maxOutboxRows }, log);
}
function entry(kind: OutboxKind, text: string): { kind: OutboxKind; body: Buffer } {
  return { kind, body: Buffer.from(text) };
}
function bodies(s: StateStore): string[] {
  return s.pending(0, 1000).map((e) => e.body.toString());
}
function catchError(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof Error) return err;
    throw err;
  }
  return undefined;
}
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

t.test('seqs increase, survive deletes and reopen, and are never reused', async (t) => {
  const dir = freshDir();
  let s = open(dir);
  t.equal(s.file, join(dir, 'agent-state.db'));
  t.equal(s.lastSeq, 0);
  t.equal(s.ackedSeq, 0);
  t.equal(s.depth, 0);
  t.same(s.append([]), []);
  t.same(s.append([entry('learning', 'a'), entry('deviation', 'b'), entry('repeat', 'c')]), [1, 2, 3]);
  t.same(s.append([entry('learning', 'd')]), [4]);
  t.equal(s.lastSeq, 4);
  t.equal(s.depth, 4);
  s.acknowledge(4);
  t.equal(s.depth, 0, 'everything acknowledged');
  t.same(s.append([entry('learning', 'e')]), [5], 'an empty outbox does not restart the numbering');
  s.close();
  s.close(); // a second close is harmless

  s = open(dir);
  t.equal(s.lastSeq, 5);
  t.equal(s.ackedSeq, 4);
  t.equal(s.depth, 1);
  t.same(s.append([entry('deviation', 'f'), entry('deviation', 'g')]), [6, 7]);
  t.same(
    s.pending(0, 10).map((e) => [e.seq, e.kind, e.body.toString()]),
    [
      [5, 'learning', 'e'],
      [6, 'deviation', 'f'],
      [7, 'deviation', 'g'],
    ],
  );
  s.close();
});

t.test('agentId is created once per state file', async (t) => {
  const dir = freshDir();
  const a = open(dir);
  const id = a.agentId;
  t.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  a.close();
  const again = open(dir);
  t.equal(again.agentId, id, 'same id after reopen');
  again.close();
  const other = open(freshDir());
  t.not(other.agentId, id, 'another directory is another agent');
  other.close();
});

t.test('pending: ascending, after, limit', async (t) => {
  const s = open(freshDir());
  t.teardown(() => s.close());
  s.append(['a', 'b', 'c', 'd', 'e'].map((x) => entry('learning', x)));
  t.same(s.pending(0, 2).map((e) => e.seq), [1, 2]);
  t.same(s.pending(2, 2).map((e) => e.seq), [3, 4]);
  t.same(s.pending(4, 100).map((e) => e.seq), [5]);
  t.same(s.pending(5, 100), []);
  const [first] = s.pending(0, 1);
  t.ok(Buffer.isBuffer(first?.body), 'bodies come back as Buffers');
  t.equal(first?.body.toString(), 'a');
  t.same(s.pending(0, 0), []);
});

t.test('acknowledge deletes up to seq and persists ackedSeq', async (t) => {
  const dir = freshDir();
  const { log, lines } = capture();
  let s = open(dir, 1000, log);
  s.append(['a', 'b', 'c', 'd'].map((x) => entry('deviation', x)));
  s.acknowledge(2);
  t.equal(s.ackedSeq, 2);
  t.equal(s.depth, 2);
  t.same(bodies(s), ['c', 'd']);
  s.acknowledge(1);
  t.equal(s.ackedSeq, 2, 'an older ack does not move ackedSeq back');
  t.equal(s.depth, 2);
  s.acknowledge(99);
  t.equal(s.ackedSeq, 2, 'an ack beyond lastSeq is ignored');
  t.equal(s.depth, 2, 'and deletes nothing');
  await flush();
  t.match(lines.at(-1), { msg: /ignored acknowledgement/, seq: 99, lastSeq: 4 });
  t.throws(() => s.acknowledge(-1), StateStoreError);
  t.throws(() => s.acknowledge(1.5), StateStoreError);
  s.close();

  s = open(dir);
  t.equal(s.ackedSeq, 2);
  t.equal(s.depth, 2, 'depth is recounted on open');
  s.acknowledge(3);
  s.close();
  s = open(dir);
  t.equal(s.ackedSeq, 3);
  t.same(bodies(s), ['d']);
  s.close();
});

t.test('reported items are recorded with append, survive reopen, and are forgotten by workload', async (t) => {
  const dir = freshDir();
  let s = open(dir);
  s.append([
    { kind: 'learning', body: Buffer.from('1'), known: { workloadKey: 'c/ns/Deployment/web', container: 'app', itemKey: 'p:/bin/sh' } },
    { kind: 'deviation', body: Buffer.from('2'), known: { workloadKey: 'c/ns/Deployment/api', container: 'srv', itemKey: 'p:/usr/bin/curl' } },
    { kind: 'repeat', body: Buffer.from('3') },
    // Reporting the same item twice records it once.
    { kind: 'learning', body: Buffer.from('4'), known: { workloadKey: 'c/ns/Deployment/web', container: 'app', itemKey: 'p:/bin/sh' } },
  ]);
  s.acknowledge(4);
  t.equal(s.depth, 0);
  s.close();

  s = open(dir);
  t.same(s.loadReported(), [
    { workloadKey: 'c/ns/Deployment/api', container: 'srv', itemKey: 'p:/usr/bin/curl' },
    { workloadKey: 'c/ns/Deployment/web', container: 'app', itemKey: 'p:/bin/sh' },
  ]);
  s.forgetReported('c/ns/Deployment/web');
  s.close();
  s = open(dir);
  t.same(s.loadReported(), [{ workloadKey: 'c/ns/Deployment/api', container: 'srv', itemKey: 'p:/usr/bin/curl' }]);
  s.close();
});

t.test('workload cache round-trips through save, delta and reopen', async (t) => {
  const dir = freshDir();
  const big = 2n ** 63n - 1n; // far above 2^53
  const web: CachedWorkload = {
    workloadKey: 'prod/shop/Deployment/web',
    workload: { cluster: 'prod', namespace: 'shop', kind: 'Deployment', name: 'web' },
    mode: 'learning',
    windowEndNs: big,
    items: [
      { container: 'app', itemKey: 'p:/usr/sbin/nginx' },
      { container: 'app', itemKey: 'p:/bin/sh' },
    ],
    identity: 'exe',
  };
  let s = open(dir);
  s.saveWorkload(web);
  s.saveWorkload({
    workloadKey: 'prod/db/StatefulSet/pg',
    workload: { cluster: 'prod', namespace: 'db', kind: 'StatefulSet', name: 'pg' },
    mode: 'disabled',
    windowEndNs: null,
    items: [],
    identity: 'lineage',
  });
  s.close();

  s = open(dir);
  let loaded = s.loadWorkloads();
  t.equal(loaded.length, 2);
  t.same(loaded[0], {
    workloadKey: 'prod/db/StatefulSet/pg',
    workload: { cluster: 'prod', namespace: 'db', kind: 'StatefulSet', name: 'pg' },
    mode: 'disabled',
    windowEndNs: null,
    items: [],
    identity: 'lineage',
  }, 'the identity round-trips');
  t.equal(loaded[1]?.windowEndNs, big, 'bigint above 2^53 is exact');
  t.equal(typeof loaded[1]?.windowEndNs, 'bigint');
  t.same(loaded[1]?.items, [
    { container: 'app', itemKey: 'p:/bin/sh' },
    { container: 'app', itemKey: 'p:/usr/sbin/nginx' },
  ]);

  // saveWorkload replaces the whole item list.
  s.saveWorkload({ ...web, mode: 'detecting', windowEndNs: 1_700_000_000_123_456_789n, items: [{ container: 'app', itemKey: 'p:/x' }] });
  loaded = s.loadWorkloads();
  t.match(loaded[1], { mode: 'detecting', windowEndNs: 1_700_000_000_123_456_789n });
  t.same(loaded[1]?.items, [{ container: 'app', itemKey: 'p:/x' }]);

  s.applyDelta({
    workloadKey: web.workloadKey,
    workload: web.workload,
    mode: 'learning',
    windowEndNs: null,
    added: [
      { container: 'side', itemKey: 'n:out:10.0.0.1:53/udp' },
      { container: 'app', itemKey: 'p:/x' },
    ],
    removed: [
      { container: 'app', itemKey: 'p:/x' },
      { container: 'app', itemKey: 'p:/never-there' },
    ],
    identity: 'exe',
  });
  s.applyDelta({
    workloadKey: 'prod/ops/CronJob/backup',
    workload: { cluster: 'prod', namespace: 'ops', kind: 'CronJob', name: 'backup' },
    mode: 'detecting',
    windowEndNs: 42n,
    identity: 'exe',
    added: [{ container: 'job', itemKey: 'p:/bin/tar' }],
    removed: [],
  });
  s.close();

  s = open(dir);
  loaded = s.loadWorkloads();
  t.same(
    loaded.map((w) => w.workloadKey),
    ['prod/db/StatefulSet/pg', 'prod/ops/CronJob/backup', 'prod/shop/Deployment/web'],
  );
  t.same(loaded[1], {
    workloadKey: 'prod/ops/CronJob/backup',
    workload: { cluster: 'prod', namespace: 'ops', kind: 'CronJob', name: 'backup' },
    mode: 'detecting',
    windowEndNs: 42n,
    items: [{ container: 'job', itemKey: 'p:/bin/tar' }],
    identity: 'exe',
  });
  t.equal(loaded[2]?.mode, 'learning');
  t.equal(loaded[2]?.windowEndNs, null);
  t.same(
    loaded[2]?.items,
    [
      { container: 'app', itemKey: 'p:/x' },
      { container: 'side', itemKey: 'n:out:10.0.0.1:53/udp' },
    ],
    'removed first, then added',
  );
  s.close();
});

t.test('bound: learning dropped first, then repeat, then deviation; counted and persisted', async (t) => {
  const dir = freshDir();
  const { log, lines } = capture();
  let s = open(dir, 5, log);
  const webSh = { workloadKey: 'w', container: 'c', itemKey: 'p:/bin/sh' };
  s.append([
    { ...entry('learning', 'L1'), known: webSh },
    entry('deviation', 'D1'),
    entry('repeat', 'R1'),
    entry('learning', 'L2'),
  ]);
  t.equal(s.depth, 4);
  t.same(s.dropped(), { learning: 0, repeat: 0, deviation: 0 });
  t.same(s.loadReported(), [webSh]);

  // 4 + 3 = 7 rows: two over, both learning (the oldest, L1 and L2).
  t.same(s.append([entry('deviation', 'D2'), entry('repeat', 'R2'), entry('deviation', 'D3')]), [5, 6, 7]);
  t.same(bodies(s), ['D1', 'R1', 'D2', 'R2', 'D3']);
  t.equal(s.depth, 5);
  t.same(s.dropped(), { learning: 2, repeat: 0, deviation: 0 });
  t.same(s.loadReported(), [], "a dropped report's item is no longer recorded as reported");
  await flush();
  const warns = lines.filter((l) => l.level === 40);
  t.equal(warns.length, 1, 'one warning per append that dropped');
  t.match(warns[0], { dropped: { learning: 2, repeat: 0, deviation: 0 }, maxOutboxRows: 5, depth: 5, msg: /over its bound/ });

  // No learning left: a new learning entry drops itself, then repeats go, oldest first.
  t.same(s.append([entry('learning', 'L3'), entry('deviation', 'D4'), entry('deviation', 'D5')]), [8, 9, 10]);
  t.same(bodies(s), ['D1', 'D2', 'D3', 'D4', 'D5']);
  t.same(s.dropped(), { learning: 3, repeat: 2, deviation: 0 });

  // Only deviations left: the oldest go.
  t.same(s.append([entry('deviation', 'D6'), entry('deviation', 'D7')]), [11, 12]);
  t.same(bodies(s), ['D3', 'D4', 'D5', 'D6', 'D7']);
  t.same(s.dropped(), { learning: 3, repeat: 2, deviation: 2 });
  t.equal(s.depth, 5);
  await flush();
  t.equal(lines.filter((l) => l.level === 40).length, 3);
  s.close();

  s = open(dir, 5);
  t.same(s.dropped(), { learning: 3, repeat: 2, deviation: 2 }, 'drop counts persist');
  t.equal(s.depth, 5);
  t.equal(s.lastSeq, 12);
  t.same(s.append([entry('repeat', 'R3')]), [13], 'drops never make a seq be reused');
  // Six rows, no learning: the only repeat (the new one) goes before any deviation.
  t.same(s.pending(0, 10).map((e) => e.seq), [7, 9, 10, 11, 12]);
  t.same(s.dropped(), { learning: 3, repeat: 3, deviation: 2 });
  t.same(s.append([entry('deviation', 'D8')]), [14]);
  t.same(s.pending(0, 10).map((e) => e.seq), [9, 10, 11, 12, 14]);
  s.close();
});

t.test('invalid locations and files throw StateStoreError naming the path', async (t) => {
  const plain = join(root, 'plain-file');
  writeFileSync(plain, 'not a directory');
  const under = join(plain, 'state');
  const err = catchError(() => open(under));
  t.type(err, StateStoreError);
  t.match(err?.message, join(under, 'agent-state.db'), 'names the state file');
  t.match(err?.message, /ENOTDIR/, 'and the cause');

  const corrupt = freshDir();
  open(corrupt).close();
  writeFileSync(join(corrupt, 'agent-state.db'), Buffer.alloc(8192, 'x'));
  rmSync(join(corrupt, 'agent-state.db-wal'), { force: true });
  rmSync(join(corrupt, 'agent-state.db-shm'), { force: true });
  t.throws(() => open(corrupt), { name: 'StateStoreError', message: /cannot open agent state .*agent-state\.db: SQLITE_NOTADB/ });

  t.throws(() => StateStore.open({ dir: freshDir(), maxOutboxRows: 0 }, quiet), { name: 'StateStoreError', message: /maxOutboxRows/ });
});

t.test('a state file from a newer vigil is refused', async (t) => {
  const dir = freshDir();
  const s = open(dir);
  s['db'].pragma('user_version = 99');
  s.close();
  t.throws(() => open(dir), { name: 'StateStoreError', message: /schema version 99, newer than this vigil/ });
});

t.test('a full disk fails the whole append and leaves no partial rows', async (t) => {
  const dir = freshDir();
  const s = open(dir);
  t.teardown(() => s.close());
  s.append([{ ...entry('deviation', 'before'), known: { workloadKey: 'w', container: 'c', itemKey: 'old' } }]);
  // Simulate the disk filling up: cap the file at its current size.
  const db = s['db'];
  const pages = db.pragma('page_count', { simple: true });
  t.type(pages, 'number');
  db.pragma(`max_page_count = ${String(pages)}`);
  const big = Buffer.alloc(64 * 1024, 1);
  t.throws(
    () =>
      s.append([
        { kind: 'learning', body: Buffer.from('small'), known: { workloadKey: 'w', container: 'c', itemKey: 'new' } },
        { kind: 'learning', body: big },
      ]),
    { name: 'StateStoreError', message: /disk full.*SQLITE_FULL/ },
  );
  t.equal(s.lastSeq, 1, 'no seq was consumed');
  t.equal(s.depth, 1);
  t.same(bodies(s), ['before']);
  t.same(s.loadReported(), [{ workloadKey: 'w', container: 'c', itemKey: 'old' }], 'the known item was rolled back too');
  db.pragma('max_page_count = 1073741823');
  t.same(s.append([entry('learning', 'after')]), [2]);
});

t.test('append of 500 entries is one fast transaction', async (t) => {
  const s = open(freshDir(), 100_000);
  t.teardown(() => s.close());
  const batch = Array.from({ length: 500 }, (_, i) => ({
    kind: 'learning' as const,
    body: Buffer.alloc(200, i % 256),
    known: { workloadKey: `c/ns/Deployment/w${i % 20}`, container: 'app', itemKey: `p:/bin/x${i}` },
  }));
  s.append(batch); // warm up
  const t0 = process.hrtime.bigint();
  const seqs = s.append(batch);
  const t1 = process.hrtime.bigint();
  const got = s.pending(500, 500);
  const t2 = process.hrtime.bigint();
  t.equal(seqs.length, 500);
  t.equal(seqs[0], 501);
  t.equal(seqs[499], 1000);
  t.equal(got.length, 500);
  t.equal(got[0]?.seq, 501);
  t.comment(`append(500) ${(Number(t1 - t0) / 1e6).toFixed(2)} ms, pending(500) ${(Number(t2 - t1) / 1e6).toFixed(2)} ms`);
  // Generous: catches a transaction per row (hundreds of ms with fsync), not machine noise.
  t.ok(Number(t1 - t0) / 1e6 < 250, 'append(500) well under 250 ms');
});

t.test('a malformed cached window end is reported, not turned into a wrong number', async (t) => {
  const s = open(freshDir());
  t.teardown(() => s.close());
  s.saveWorkload({
    workloadKey: 'c/ns/Deployment/web',
    workload: { cluster: 'c', namespace: 'ns', kind: 'Deployment', name: 'web' },
    mode: 'learning',
    identity: 'exe',
    windowEndNs: 5n,
    items: [],
  });
  s['db'].prepare(`UPDATE workloads SET window_end_ns = '12abc'`).run();
  t.throws(() => s.loadWorkloads(), { name: 'StateStoreError', message: /c\/ns\/Deployment\/web has a malformed window end "12abc"/ });
});

t.test('rebase renumbers unacknowledged reports above a sequence the collector already holds', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-state-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const s = StateStore.open({ dir, maxOutboxRows: 100 }, pino({ level: 'silent' }));
  s.append([{ kind: 'learning', body: Buffer.from('a') }, { kind: 'learning', body: Buffer.from('b') }, { kind: 'deviation', body: Buffer.from('c') }]);
  s.acknowledge(1);
  s.rebase(50);
  t.same(s.pending(0, 10).map((e) => [e.seq, e.body.toString()]), [[51, 'b'], [52, 'c']], 'order kept, above 50');
  t.equal(s.ackedSeq, 50);
  t.equal(s.lastSeq, 52);
  t.same(s.append([{ kind: 'learning', body: Buffer.from('d') }]), [53]);
  s.rebase(10);
  t.equal(s.lastSeq, 53, 'a sequence below ours changes nothing');
  s.close();
  const again = StateStore.open({ dir, maxOutboxRows: 100 }, pino({ level: 'silent' }));
  t.equal(again.lastSeq, 53, 'persisted');
  t.equal(again.ackedSeq, 50);
  again.close();
});

t.test('acknowledged rows are deleted with the next append, not in a commit of their own', async (t) => {
  const dir = freshDir();
  const s = open(dir);
  const file = new Database(join(dir, 'agent-state.db'), { readonly: true });
  t.teardown(() => file.close());
  const onDisk = () => ({
    rows: (file.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n,
    acked: (file.prepare(`SELECT value FROM counters WHERE name = 'acked_seq'`).get() as { value: number }).value,
  });
  s.append(['a', 'b', 'c'].map((x) => entry('deviation', x)));
  s.acknowledge(2);
  t.equal(s.ackedSeq, 2);
  t.equal(s.depth, 1, 'acknowledged rows no longer count');
  t.same(bodies(s), ['c'], 'and are no longer pending');
  t.same(onDisk(), { rows: 3, acked: 0 }, 'nothing committed yet');
  s.append([entry('deviation', 'd')]);
  t.same(onDisk(), { rows: 2, acked: 2 }, 'deleted and persisted by the append transaction');
  s.acknowledge(4);
  s.deleteAcknowledged();
  t.same(onDisk(), { rows: 0, acked: 4 }, 'or on their own when no append comes');
  s.close();
});

t.test('a crash before the deferred delete resends the acknowledged reports: nothing is lost', async (t) => {
  const dir = freshDir();
  const s = open(dir);
  s.append(['a', 'b', 'c'].map((x) => entry('deviation', x)));
  s.acknowledge(2);
  // A second process on the file sees what a restart after a crash would see.
  const restarted = open(dir);
  t.equal(restarted.ackedSeq, 0, 'the acknowledgement was not persisted yet');
  t.same(bodies(restarted), ['a', 'b', 'c'], 'every report is still there to resend (the collector drops the duplicates)');
  restarted.close();
  s.close();
  const again = open(dir);
  t.equal(again.ackedSeq, 2, 'close persists the acknowledgement');
  t.same(bodies(again), ['c']);
  again.close();
});

t.test('acknowledged rows are deleted after a while when nothing is appended', async (t) => {
  const dir = freshDir();
  const s = open(dir);
  t.teardown(() => s.close());
  s.append(['a', 'b'].map((x) => entry('deviation', x)));
  s.acknowledge(2);
  const file = new Database(join(dir, 'agent-state.db'), { readonly: true });
  t.teardown(() => file.close());
  const rows = () => (file.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
  t.equal(rows(), 2);
  const deadline = Date.now() + 5_000;
  while (rows() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  t.equal(rows(), 0);
});

t.test('the outbox bound counts only unacknowledged rows', async (t) => {
  const dir = freshDir();
  const s = open(dir, 3);
  t.teardown(() => s.close());
  s.append(['a', 'b', 'c'].map((x) => entry('learning', x)));
  s.acknowledge(3);
  s.append(['d', 'e', 'f'].map((x) => entry('learning', x)));
  t.same(s.dropped(), { learning: 0, repeat: 0, deviation: 0 }, 'the acknowledged rows made room; nothing dropped');
  t.same(bodies(s), ['d', 'e', 'f']);
});

t.test('pending serves recent appends from memory exactly as the file holds them', async (t) => {
  const dir = freshDir();
  const s = open(dir, 8);
  t.teardown(() => s.close());
  const fromFile = (after: number, limit: number) => {
    const other = open(dir, 8);
    try {
      return other.pending(Math.max(after, s.ackedSeq), limit).map((e) => [e.seq, e.kind, e.body.toString()]);
    } finally {
      other.close();
    }
  };
  const same = (after: number, limit: number, what: string) =>
    t.same(s.pending(after, limit).map((e) => [e.seq, e.kind, e.body.toString()]), fromFile(after, limit), what);
  s.append(['a', 'b', 'c'].map((x) => entry('learning', x)));
  s.append([entry('deviation', 'd')]);
  same(0, 10, 'everything');
  same(2, 1, 'a window');
  same(4, 10, 'nothing after the last');
  s.acknowledge(2);
  same(0, 10, 'acknowledged entries are not pending');
  // Over the bound of 8: the oldest learning entries are dropped; memory must not resend them.
  s.append(['e', 'f', 'g', 'h', 'i', 'j', 'j2'].map((x) => entry('learning', x)));
  t.ok(s.dropped().learning > 0, 'the bound dropped entries');
  same(0, 20, 'after a drop');
  s.append([entry('repeat', 'k')]);
  same(0, 20, 'appends after a drop');
  same(8, 2, 'a window after a drop');
});

t.test('a failed deferred delete is logged and retried later: nothing is lost or thrown', async (t) => {
  const dir = freshDir();
  const { log, lines } = capture();
  const s = open(dir, 1000, log);
  s.append(['a', 'b'].map((x) => entry('deviation', x)));
  s.acknowledge(1);
  s['db'].exec('DROP TABLE outbox');
  t.doesNotThrow(() => s.deleteAcknowledged());
  await flush();
  t.match(lines.at(-1), { msg: /cannot delete acknowledged reports yet/ });
  t.equal(s.ackedSeq, 1, 'the acknowledgement stands in memory');
  s.close();
});
