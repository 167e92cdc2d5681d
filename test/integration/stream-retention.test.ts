import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import WebSocket from 'ws';
import { openDatabase } from '../../collector/store/database.js';
import { StreamRetention } from '../../collector/store/stream-retention.js';
import { apiFixture, lockedWithAlerts, MS, T0, VIEWER } from '../support/api-fixture.js';

function streamTable(t: Test, rows: Array<{ atMs: number }>): ReturnType<typeof openDatabase>['db'] {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-retention-'));
  const { db } = openDatabase(join(dir, 'vigil.db'));
  t.teardown(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const insert = db.prepare("INSERT INTO stream (at_ms, type, payload) VALUES (?, 'alert', '{}')");
  for (const r of rows) insert.run(r.atMs);
  return db;
}

const seqs = (db: ReturnType<typeof openDatabase>['db']): number[] => db.prepare('SELECT seq FROM stream ORDER BY seq').pluck().all() as number[];

t.test('rows older than the retention go, oldest first, a chunk per transaction', async (t) => {
  const db = streamTable(t, Array.from({ length: 10 }, (_, i) => ({ atMs: 1_000 * (i + 1) })));
  const retention = new StreamRetention(db, { maxAgeMs: 4_500, maxRows: 0, chunkRows: 2 });
  t.equal(retention.pruneChunk(10_000), 2, 'one chunk');
  t.same(seqs(db), [3, 4, 5, 6, 7, 8, 9, 10]);
  t.equal(await retention.prune(10_000), 3, 'the rest, in chunks');
  t.same(seqs(db), [6, 7, 8, 9, 10], 'rows at or after now - 4.5 s are kept');
  t.equal(await retention.prune(10_000), 0, 'nothing more');
});

t.test('the row cap keeps the newest rows', async (t) => {
  const db = streamTable(t, Array.from({ length: 10 }, () => ({ atMs: 50_000 })));
  t.equal(await new StreamRetention(db, { maxAgeMs: 0, maxRows: 3, chunkRows: 100 }).prune(60_000), 7);
  t.same(seqs(db), [8, 9, 10]);
});

t.test('the newest row is kept whatever its age: it is where new clients start', async (t) => {
  const db = streamTable(t, [{ atMs: 1 }, { atMs: 2 }, { atMs: 3 }]);
  t.equal(await new StreamRetention(db, { maxAgeMs: 1_000, maxRows: 0, chunkRows: 100 }).prune(1_000_000), 2);
  t.same(seqs(db), [3]);
  db.prepare("INSERT INTO stream (at_ms, type, payload) VALUES (1000000, 'alert', '{}')").run();
  t.same(seqs(db), [3, 4], 'sequences go on after a prune');
  const empty = streamTable(t, []);
  t.equal(await new StreamRetention(empty, { maxAgeMs: 1_000, maxRows: 1, chunkRows: 100 }).prune(1_000_000), 0, 'an empty table is fine');
});

t.test('a client resuming from a pruned cursor is told to reload (4410); from a kept one it resumes', async (t) => {
  const f = await apiFixture(t, { streamRetentionMs: 3_600_000 });
  await lockedWithAlerts(f, ['/bin/a'], ['/usr/bin/curl', '/usr/bin/wget']);
  // Two hours later a third alert: the first two rows are past the one-hour retention.
  f.clock.now = Number(T0 / MS) + 2 * 3_600_000;
  await f.observe([{ exe: '/usr/bin/nc', at: T0 + 7_200_000n * MS }]);
  const before = (await f.call('GET', '/api/v1/session', { token: VIEWER })).body.stream_cursor as number;
  const pruned = await f.collector.pruneStream();
  t.ok(pruned >= 2, `old rows deleted (${pruned})`);
  const metrics = await (await fetch(`${f.base}/metrics`, { headers: { Authorization: `Bearer ${VIEWER}` } })).text();
  t.match(metrics, new RegExp(`vigil_collector_stream_rows_pruned_total ${pruned}`));

  const open = (since: number): Promise<{ messages: Array<Record<string, unknown>>; code: number | null }> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`${f.wsBase}/api/v1/stream?since=${since}`, { headers: { Authorization: `Bearer ${VIEWER}` } });
      const messages: Array<Record<string, unknown>> = [];
      ws.on('message', (data: Buffer) => {
        messages.push(JSON.parse(data.toString()) as Record<string, unknown>);
        // A kept cursor replays the last alert, then says it has caught up.
        if (messages.some((m) => m.caught_up === true)) ws.close();
      });
      ws.on('close', (code) => resolve({ messages, code: code === 1005 ? null : code }));
      ws.on('error', reject);
    });
  const old = await open(1);
  t.equal(old.code, 4410, 'cursor too old');
  t.match(old.messages[0], { type: 'error', error: /cursor 1 is older than what the collector keeps/ });
  const kept = await open(before - 1);
  t.not(kept.code, 4410);
  t.match(kept.messages.find((m) => m.type === 'alert'), { item: 'exe:/usr/bin/nc' }, 'the kept row is replayed');
});
