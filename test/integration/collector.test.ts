import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { PassThrough } from 'node:stream';
import { Collector } from '../../collector/collector.js';
import { BaselineService } from '../../collector/baseline/baseline-service.js';
import { CollectorStore } from '../../collector/store/collector-store.js';
import { openDatabase } from '../../collector/store/database.js';
import { MIGRATIONS } from '../../collector/store/migrations.js';
import { migrateSchema } from '../../agent/state/sqlite-schema.js';
import { vigil } from '../../proto/gen/vigil.js';
import { FakeAgentStream, processObservation, report } from '../support/collector-client.js';

const TOKEN = 'agent-token-for-tests-0123456789';
const T0 = 1_795_165_200_000_000_000n; // event times, ns
const MS = 1_000_000n;

async function startCollector(t: Test, dir: string, clock: { now: number }): Promise<Collector> {
  const collector = new Collector(
    {
      dbFile: join(dir, 'vigil.db'),
      grpcListen: '127.0.0.1:0',
      grpcTls: null,
      http: null,
      agentTokens: [TOKEN],
      apiTokens: [],
      defaultMode: 'learning',
      windowMs: 60_000,
      now: () => clock.now,
    },
    pino({ level: 'silent' }),
  );
  await collector.start();
  t.teardown(() => collector.stop());
  return collector;
}

/** A collector on a fresh database and one agent stream that has said Hello. */
async function connected(t: Test, agentId: string): Promise<{ dir: string; clock: { now: number }; collector: Collector; agent: FakeAgentStream }> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-collector-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const clock = { now: Number(T0 / MS) };
  const collector = await startCollector(t, dir, clock);
  const agent = new FakeAgentStream(collector.grpcPort, TOKEN);
  t.teardown(() => agent.close());
  agent.hello(agentId);
  await agent.ack(0);
  return { dir, clock, collector, agent };
}

function rows<T>(dir: string, sql: string): T[] {
  const db = new Database(join(dir, 'vigil.db'), { readonly: true });
  db.defaultSafeIntegers(false);
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

t.test('learn, lock, detect, aggregate, ignore duplicates, and decide late reports by event time', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-collector-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const clock = { now: Number(T0 / MS) + 1_000 };
  const collector = await startCollector(t, dir, clock);
  const agent = new FakeAgentStream(collector.grpcPort, TOKEN);
  t.teardown(() => agent.close());

  agent.hello('agent-aaaaaaaa');
  t.equal(await agent.ack(0), 0, 'a new agent has nothing stored');
  await agent.until((m) => m.snapshot ?? undefined);

  agent.send({ reports: { reports: [
    report(1, processObservation({ exe: '/usr/sbin/nginx', timeNs: T0 })),
    report(2, processObservation({ exe: '/docker-entrypoint.sh', timeNs: T0 + 10n * MS })),
    report(3, processObservation({ exe: '/usr/sbin/nginx', timeNs: T0 + 20n * MS })), // same item again
  ] } });
  t.equal(await agent.ack(3), 3);
  const snap = await agent.until((m) => (m.snapshot?.workloads?.length ? m.snapshot : undefined));
  t.equal(snap.workloads?.[0]?.mode, vigil.v1.Mode.LEARNING, 'the new workload is pushed to the agent, learning');
  t.same(rows(dir, 'SELECT item_key, added_by FROM baseline_items ORDER BY item_key'), [
    { item_key: 'exe:/docker-entrypoint.sh', added_by: 'learned' },
    { item_key: 'exe:/usr/sbin/nginx', added_by: 'learned' },
  ]);

  // The window (60 s from the first event) ends: the baseline locks at the window end.
  clock.now = Number(T0 / MS) + 61_000;
  collector.service?.lockDue();
  const locked = await agent.until((m) => (m.delta?.mode === vigil.v1.Mode.DETECTING ? m.delta : undefined));
  t.equal(locked.workload?.name, 'web');
  t.same(rows(dir, 'SELECT mode, locked_by FROM workloads'), [{ mode: 'detecting', locked_by: 'window' }]);

  agent.send({ reports: { reports: [
    report(4, processObservation({ exe: '/usr/bin/curl', timeNs: T0 + 62_000n * MS })), // new after the lock: alert
    report(5, processObservation({ exe: '/usr/bin/curl', timeNs: T0 + 63_000n * MS })), // again: count
    report(6, processObservation({ exe: '/usr/sbin/nginx', timeNs: T0 + 64_000n * MS })), // baseline: nothing
    report(7, processObservation({ exe: '/usr/bin/late-but-before-lock', timeNs: T0 + 59_000n * MS, node: 'node-b' })),
  ] } });
  t.equal(await agent.ack(7), 7);
  t.same(rows(dir, 'SELECT item_key, count, status FROM alerts'), [{ item_key: 'exe:/usr/bin/curl', count: 2, status: 'open' }], 'one alert, counted twice');
  t.same(
    rows(dir, "SELECT item_key FROM baseline_items WHERE item_key LIKE '%late%'"),
    [{ item_key: 'exe:/usr/bin/late-but-before-lock' }],
    'a late report from before the lock is learned',
  );
  const added = await agent.until((m) => (m.delta?.added?.some((i) => i.item_key === 'exe:/usr/bin/late-but-before-lock') ? m.delta : undefined));
  t.ok(added, 'and pushed to the agent');

  // A repeat count for the open alert, then every report again (a lost ack): nothing doubles.
  agent.send({ reports: { reports: [{ seq: 8, repeat: { workload: { cluster: 'test', namespace: 'shop', kind: 'Deployment', name: 'web' }, container: 'app', item_key: 'exe:/usr/bin/curl', count: 5, first_seen: { seconds: 1795165270 }, last_seen: { seconds: 1795165280 } } }] } });
  t.equal(await agent.ack(8), 8);
  agent.send({ reports: { reports: [
    report(4, processObservation({ exe: '/usr/bin/curl', timeNs: T0 + 62_000n * MS })),
    report(5, processObservation({ exe: '/usr/bin/curl', timeNs: T0 + 63_000n * MS })),
  ] } });
  t.equal(await agent.ack(8), 8, 'duplicates acknowledged at the stored sequence');
  t.same(rows(dir, 'SELECT count FROM alerts'), [{ count: 7 }], '2 + 5 repeats, duplicates ignored');
  t.same(rows(dir, 'SELECT last_seq FROM agents'), [{ last_seq: 8 }]);
  const types = rows<{ type: string }>(dir, 'SELECT type FROM stream ORDER BY seq').map((r) => r.type);
  t.same(types, ['agent.status', 'workload.mode', 'alert', 'alert.updated', 'alert.updated'], 'the SOC stream');
});

t.test('state survives a restart: stored sequence, baselines, and windows that ended meanwhile', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-collector-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const clock = { now: Number(T0 / MS) };
  const first = await startCollector(t, dir, clock);
  const a1 = new FakeAgentStream(first.grpcPort, TOKEN);
  a1.hello('agent-restart1');
  await a1.ack(0);
  a1.send({ reports: { reports: [report(1, processObservation({ exe: '/bin/app', timeNs: T0 }))] } });
  await a1.ack(1);
  a1.close();
  await first.stop();

  clock.now = Number(T0 / MS) + 120_000; // the window ended while the collector was down
  const second = await startCollector(t, dir, clock);
  t.same(rows(dir, 'SELECT mode, locked_at_ns FROM workloads'), [{ mode: 'detecting', locked_at_ns: Number(T0 + 60_000n * MS) }], 'locked at the window end');
  const a2 = new FakeAgentStream(second.grpcPort, TOKEN);
  t.teardown(() => a2.close());
  a2.hello('agent-restart1', [{ cluster: 'test', namespace: 'shop', kind: 'Deployment', name: 'web' }]);
  t.equal(await a2.ack(1), 1, 'the stored sequence survives');
  const snap = await a2.until((m) => (m.snapshot?.workloads?.length ? m.snapshot : undefined));
  t.same(snap.workloads?.[0]?.items?.map((i) => i.item_key), ['exe:/bin/app']);
  t.equal(snap.workloads?.[0]?.mode, vigil.v1.Mode.DETECTING);
});

t.test('refusals: wrong token, reports before hello, a bad agent id', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-collector-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const collector = await startCollector(t, dir, { now: Date.now() });
  const wrong = new FakeAgentStream(collector.grpcPort, 'not-the-agent-token-at-all');
  wrong.hello('agent-wrongtok');
  t.match(await wrong.ended(), { code: 16, details: 'missing or wrong agent token' }, 'UNAUTHENTICATED');
  const noHello = new FakeAgentStream(collector.grpcPort, TOKEN);
  noHello.send({ reports: { reports: [report(1, processObservation({ exe: '/x', timeNs: T0 }))] } });
  t.match(await noHello.ended(), { code: 9, details: /must be Hello/ }, 'FAILED_PRECONDITION');
  const badId = new FakeAgentStream(collector.grpcPort, TOKEN);
  badId.hello('x');
  t.match(await badId.ended(), { code: 3 }, 'INVALID_ARGUMENT');
  const metrics = await collector.metrics.registry.getSingleMetric('vigil_collector_agent_streams_rejected_total')?.get();
  t.same(
    Object.fromEntries((metrics?.values ?? []).map((v) => [v.labels.reason, v.value])),
    { unauthenticated: 1, no_hello: 1, bad_hello: 1 },
  );
  t.same(rows(dir, 'SELECT COUNT(*) AS n FROM baseline_items'), [{ n: 0 }], 'nothing stored from refused streams');
});

t.test('a SOC mode change: pushed to the agent, audited, and decisions follow it', async (t) => {
  const { dir, clock, collector, agent } = await connected(t, 'agent-modes-01');
  // An earlier event arriving second moves the window start back to the workload's first event.
  agent.send({ reports: { reports: [
    report(1, processObservation({ exe: '/bin/first-arrival', timeNs: T0 + 10_000n * MS })),
    report(2, processObservation({ exe: '/bin/earlier-event', timeNs: T0 })),
  ] } });
  await agent.ack(2);
  t.same(rows(dir, 'SELECT window_start_ns, window_end_ns FROM workloads'), [{ window_start_ns: Number(T0), window_end_ns: Number(T0 + 60_000n * MS) }]);

  clock.now = Number(T0 / MS) + 20_000;
  const change = collector.service?.setMode('test/shop/Deployment/web', 'disabled', 'alice@soc');
  t.equal(change?.mode, 'disabled');
  await agent.until((m) => (m.delta?.mode === vigil.v1.Mode.DISABLED ? m.delta : undefined));
  agent.send({ reports: { reports: [report(3, processObservation({ exe: '/bin/while-disabled', timeNs: T0 + 21_000n * MS }))] } });
  await agent.ack(3);
  t.same(rows(dir, 'SELECT name, value FROM counters'), [{ name: 'disabled_process', value: 1 }], 'disabled: counted only');
  t.equal(rows(dir, 'SELECT 1 FROM alerts').length, 0);
  t.match(rows(dir, 'SELECT actor, action, target, detail FROM audit'), [{ actor: 'alice@soc', action: 'set_mode', target: 'test/shop/Deployment/web', detail: '{"from":"learning","to":"disabled"}' }]);
  t.throws(() => collector.service?.setMode('test/shop/Deployment/nope', 'detecting', 'alice@soc'), { message: 'no workload test/shop/Deployment/nope' });

  collector.service?.setMode('test/shop/Deployment/web', 'detecting', 'alice@soc');
  agent.send({ reports: { reports: [report(4, processObservation({ exe: '/bin/after-detecting', timeNs: T0 + 22_000n * MS }))] } });
  await agent.ack(4);
  t.same(rows(dir, 'SELECT item_key FROM alerts'), [{ item_key: 'exe:/bin/after-detecting' }]);
  // Back to learning: a new window from now, locked again when it ends (not at once), and a
  // late report from before it does not move it back.
  clock.now = Number(T0 / MS) + 30_000;
  collector.service?.setMode('test/shop/Deployment/web', 'learning', 'alice@soc');
  agent.send({ reports: { reports: [report(5, processObservation({ exe: '/bin/late-before-relearn', timeNs: T0 + 25_000n * MS }))] } });
  await agent.ack(5);
  t.same(rows(dir, 'SELECT window_start_ns FROM workloads'), [{ window_start_ns: Number(T0 + 30_000n * MS) }], 'a relearn window stays where it was opened');
  clock.now = Number(T0 / MS) + 30_000;
  collector.service?.setMode('test/shop/Deployment/web', 'learning', 'alice@soc');
  collector.service?.lockDue();
  t.same(rows(dir, 'SELECT mode, window_start_ns, window_end_ns FROM workloads'), [
    { mode: 'learning', window_start_ns: Number(T0 + 30_000n * MS), window_end_ns: Number(T0 + 90_000n * MS) },
  ]);
  clock.now = Number(T0 / MS) + 91_000;
  collector.service?.lockDue();
  t.same(rows(dir, "SELECT mode, locked_by FROM workloads"), [{ mode: 'detecting', locked_by: 'window' }], 'the new window locks at its end');
});

t.test('an event after the window end is a deviation even before the lock timer fires', async (t) => {
  const { dir, clock, collector, agent } = await connected(t, 'agent-nolock-1');
  agent.send({ reports: { reports: [report(1, processObservation({ exe: '/bin/learned', timeNs: T0 }))] } });
  await agent.ack(1);
  // The wall clock has not reached the window end (no lock yet), but the event is after it.
  agent.send({ reports: { reports: [report(2, processObservation({ exe: '/bin/after-window', timeNs: T0 + 61_000n * MS }))] } });
  await agent.ack(2);
  t.same(rows(dir, 'SELECT item_key FROM alerts'), [{ item_key: 'exe:/bin/after-window' }]);
  t.same(rows(dir, 'SELECT COUNT(*) AS n FROM baseline_items'), [{ n: 1 }]);
});

t.test('reports without time, workload or item are counted and ignored', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-collector-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const collector = await startCollector(t, dir, { now: Number(T0 / MS) });
  const agent = new FakeAgentStream(collector.grpcPort, TOKEN);
  t.teardown(() => agent.close());
  agent.hello('agent-invalid1');
  await agent.ack(0);
  const noTime = report(1, processObservation({ exe: '/bin/x', timeNs: T0 }));
  if (noTime.observation) noTime.observation.time = null;
  const noWorkload = report(2, processObservation({ exe: '/bin/y', timeNs: T0 }));
  if (noWorkload.observation) noWorkload.observation.workload = null;
  agent.send({ reports: { reports: [noTime, noWorkload, report(3, processObservation({ exe: '/bin/ok', timeNs: T0 }))] } });
  t.equal(await agent.ack(3), 3, 'acknowledged: resending would not make them valid');
  t.same(rows(dir, 'SELECT key, window_start_ns FROM workloads'), [{ key: 'test/shop/Deployment/web', window_start_ns: Number(T0) }], 'no 1970 window, no empty workload');
  const reports = await collector.metrics.registry.getSingleMetric('vigil_collector_reports_total')?.get();
  t.equal(reports?.values.find((v) => v.labels.outcome === 'invalid')?.value, 2);
});

t.test('a full disk: the batch rolls back, is not acknowledged, and is stored when resent', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-collector-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const collector = await startCollector(t, dir, { now: Number(T0 / MS) });
  const db = collector.database;
  if (!db) throw new Error('no database');
  const first = new FakeAgentStream(collector.grpcPort, TOKEN);
  first.hello('agent-diskful');
  await first.ack(0);
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  const big = Array.from({ length: 300 }, (_, i) => report(i + 1, processObservation({ exe: `/bin/${'x'.repeat(200)}-${i}`, timeNs: T0 + BigInt(i) * MS })));
  first.send({ reports: { reports: big } });
  t.match(await first.ended(), { code: 14, details: 'the collector cannot store reports right now' }, 'UNAVAILABLE, no ack');
  t.notOk(first.received.some((m) => m.ack && Number(m.ack.highest_seq) > 0), 'nothing acknowledged');
  const errors = await collector.metrics.registry.getSingleMetric('vigil_collector_ingest_errors_total')?.get();
  t.same(errors?.values.map((v) => v.labels.code), ['SQLITE_FULL']);
  t.same(rows(dir, 'SELECT COUNT(*) AS n FROM workloads'), [{ n: 0 }], 'rolled back');

  db.pragma('max_page_count = 1073741823');
  const second = new FakeAgentStream(collector.grpcPort, TOKEN);
  t.teardown(() => second.close());
  second.hello('agent-diskful');
  t.equal(await second.ack(0), 0);
  second.send({ reports: { reports: big } });
  t.equal(await second.ack(300), 300);
  t.same(rows(dir, 'SELECT COUNT(*) AS n FROM baseline_items'), [{ n: 300 }], 'all stored on resend');
  first.close();
});

t.test('per-workload window overrides, at creation and for workloads still learning after a restart', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-collector-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const clock = { now: Number(T0 / MS) };
  const make = async (overrides: Map<string, number>): Promise<Collector> => {
    const c = new Collector(
      { dbFile: join(dir, 'vigil.db'), grpcListen: '127.0.0.1:0', grpcTls: null, http: null, agentTokens: [TOKEN], apiTokens: [], defaultMode: 'learning', windowMs: 60_000, windowOverrides: overrides, now: () => clock.now },
      pino({ level: 'silent' }),
    );
    await c.start();
    return c;
  };
  const first = await make(new Map([['shop/Deployment/web', 5_000]]));
  const a = new FakeAgentStream(first.grpcPort, TOKEN);
  a.hello('agent-override');
  await a.ack(0);
  a.send({ reports: { reports: [
    report(1, processObservation({ name: 'web', exe: '/bin/w', timeNs: T0 })),
    report(2, processObservation({ name: 'api', exe: '/bin/a', timeNs: T0 })),
  ] } });
  await a.ack(2);
  clock.now = Number(T0 / MS) + 6_000;
  first.service?.lockDue();
  t.same(rows(dir, 'SELECT name, mode, window_ms FROM workloads ORDER BY name'), [
    { name: 'api', mode: 'learning', window_ms: null },
    { name: 'web', mode: 'detecting', window_ms: 5_000 },
  ]);
  a.close();
  await first.stop();

  const second = await make(new Map([['shop/Deployment/api', 10_000]]));
  t.teardown(() => second.stop());
  clock.now = Number(T0 / MS) + 11_000;
  second.service?.lockDue();
  t.same(rows(dir, "SELECT mode, window_ms FROM workloads WHERE name = 'api'"), [{ mode: 'detecting', window_ms: 10_000 }], 'a new override shortens a window still open');
});

t.test('a database from schema 2 migrates: old alerts become deviations with no rule; images come from the baseline', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-migrate-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'old.db');
  const old = new Database(file);
  migrateSchema(old, MIGRATIONS.slice(0, 2), 'the old database');
  old.prepare("INSERT INTO workloads (key, cluster, namespace, kind, name, mode, created_ms) VALUES ('c/ns/Deployment/web', 'c', 'ns', 'Deployment', 'web', 'detecting', 1)").run();
  old.prepare(`INSERT INTO alerts (workload_id, container, item_key, item_type, status, first_seen_ns, last_seen_ns, count, node, evidence, created_ms, updated_ms, severity, severity_reason)
    VALUES (1, 'app', 'exe:/bin/x', 'process', 'open', 1, 1, 1, 'n', '{}', 1, 1, 'high', 'a shell')`).run();
  const item = old.prepare(`INSERT INTO baseline_items (workload_id, container, item_key, item_type, first_seen_ns, node, added_by, image_digest, evidence)
    VALUES (1, 'app', ?, 'process', ?, 'n', 'learned', ?, '{}')`);
  item.run('exe:/bin/a', 5, 'sha256:v1');
  item.run('exe:/bin/b', 3, 'sha256:v1');
  item.run('exe:/bin/c', 9, null);
  old.close();
  const opened = openDatabase(file);
  t.teardown(() => opened.db.close());
  t.same([opened.migratedFrom, opened.version], [2, MIGRATIONS.length]);
  t.match(opened.db.prepare('SELECT category, severity_rule, severity FROM alerts').get(), { category: 'deviation', severity_rule: '', severity: 'high' });
  t.throws(() => opened.db.prepare("UPDATE alerts SET category = 'other'").run(), /CHECK constraint failed/, 'the category is constrained');
  t.same(opened.db.prepare('SELECT container, image_digest, first_seen_ns, review_until_ns FROM workload_images').all(), [{ container: 'app', image_digest: 'sha256:v1', first_seen_ns: 3, review_until_ns: null }], 'the images the baseline knows, first seen at its earliest item');
});

t.test('heartbeats are written together a moment later; a failed write is logged and the next succeeds', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-collector-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { db } = openDatabase(join(dir, 'vigil.db'));
  t.teardown(() => db.close());
  const logs: string[] = [];
  const sink = new PassThrough();
  sink.setEncoding('utf8').on('data', (c: string) => logs.push(c));
  const clock = { now: Number(T0 / MS) };
  const service = new BaselineService(new CollectorStore(db), { defaultMode: 'learning', windowMs: 60_000, now: () => clock.now }, pino({ level: 'info' }, sink));
  service.load();
  for (const id of ['agent-a', 'agent-b']) service.registerAgent({ agent_id: id, node: id, cluster: 'test' });
  service.flushConnections(); // the hellos, written on the next turn otherwise
  const stats = (): Array<{ agent_id: string; stats: string | null }> => db.prepare('SELECT agent_id, stats FROM agents ORDER BY agent_id').all() as Array<{ agent_id: string; stats: string | null }>;
  const changesBefore = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  service.heartbeat('agent-a', { stats: { events_total: 100 } });
  service.heartbeat('agent-b', { stats: { events_total: 7 } });
  service.heartbeat('agent-a', { stats: { events_total: 150 } });
  t.same(stats().map((s) => s.stats), [null, null], 'not written at once');
  service.flushHeartbeats();
  t.equal((db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - changesBefore, 2, 'one row per agent: the newest heartbeat wins');
  t.match(JSON.parse(stats()[0]?.stats ?? '{}'), { events_total: 150 });
  t.match(JSON.parse(stats()[1]?.stats ?? '{}'), { events_total: 7 });

  db.pragma('query_only = ON');
  clock.now += 10_000;
  service.heartbeat('agent-a', { stats: { events_total: 250 } });
  t.doesNotThrow(() => service.flushHeartbeats(), 'statistics never break an agent stream');
  t.match(logs.join(''), /cannot store agent heartbeats; the next ones will replace them/);
  db.pragma('query_only = OFF');
  clock.now += 10_000;
  service.heartbeat('agent-a', { stats: { events_total: 450 } });
  service.close();
  t.match(JSON.parse(stats()[0]?.stats ?? '{}'), { events_total: 450, events_per_second: 20 }, 'written at close; the rate is since the previous heartbeat, stored or not');
});
