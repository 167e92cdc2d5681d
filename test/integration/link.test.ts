// The agent's link to the collector, both in this process over real gRPC on loopback, with a
// real SQLite file on each side.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { Collector, type CollectorConfig } from '../../collector/collector.js';
import type { AgentConfig } from '../../agent/agent.js';
import { startAgent, type RunningAgent } from '../support/agent-harness.js';
import { FalcoHttpSender } from '../support/http-sender.js';
import { execEvent, nowNs, toJsonLine } from '../support/events.js';
import { until } from '../support/processes.js';
import { makePki } from '../support/tls.js';
import { corpusPath } from '../support/corpus.js';

const TOKEN = 'link-test-agent-token-0123456789';

function tmp(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-link-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function collectorOn(dir: string, port: number, windowMs = 60_000, tokens = [TOKEN]): Promise<Collector> {
  const c = new Collector(
    { dbFile: join(dir, 'vigil.db'), grpcListen: `127.0.0.1:${port}`, grpcTls: null, http: null, agentTokens: tokens, apiTokens: [], defaultMode: 'learning', windowMs },
    pino({ level: 'silent' }),
  );
  await c.start();
  return c;
}

function agentConfig(dir: string, port: number, over: Partial<NonNullable<AgentConfig['collector']>> = {}): Partial<AgentConfig> {
  return {
    http: { host: '127.0.0.1', port: 0, maxBodyBytes: 1024 * 1024 },
    node: 'node-a',
    cluster: 'prod',
    collector: {
      target: `127.0.0.1:${port}`,
      tls: null,
      token: TOKEN,
      stateDir: join(dir, 'agent-state'),
      maxOutboxRows: 10_000,
      repeatIntervalMs: 200,
      heartbeatIntervalMs: 200,
      retryMaxMs: 300,
      ...over,
    },
  };
}

function query<T>(dir: string, sql: string): T[] {
  const db = new Database(join(dir, 'vigil.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function post(run: RunningAgent, ...exes: string[]): Promise<void> {
  const sender = new FalcoHttpSender(`http://127.0.0.1:${run.agent.httpAddress?.port ?? 0}/`);
  for (const exe of exes) await sender.post(toJsonLine(execEvent({ exe, at: nowNs() })));
  sender.close();
}

async function freePort(dir: string): Promise<number> {
  const probe = await collectorOn(dir, 0);
  const port = probe.grpcPort;
  await probe.stop();
  rmSync(join(dir, 'vigil.db'), { force: true });
  return port;
}

t.test('collector down at start: reports wait on disk and arrive, in order, once it is up', async (t) => {
  const dir = tmp(t);
  const port = await freePort(dir);
  const run = await startAgent(agentConfig(dir, port));
  t.teardown(() => run.stop());
  await run.waitForLog((l) => l.msg === 'cannot reach the collector; retrying (reports stay on disk)');
  await post(run, '/bin/one', '/bin/two', '/bin/three', '/bin/one');
  await until(async () => (await run.metric('vigil_agent_outbox_depth')) === 3, 'three reports on disk');
  const collector = await collectorOn(dir, port);
  t.teardown(() => collector.stop());
  await run.waitForLog((l) => l.msg === 'connected to the collector');
  await until(() => query(dir, 'SELECT 1 FROM baseline_items').length === 3, 'the reports to be stored');
  t.same(query(dir, 'SELECT item_key FROM baseline_items ORDER BY first_seen_ns').map((r) => (r as { item_key: string }).item_key), ['exe:/bin/one', 'exe:/bin/two', 'exe:/bin/three']);
  await until(async () => (await run.metric('vigil_agent_outbox_depth')) === 0, 'the outbox to empty on ack');
  t.equal(await run.metric('vigil_agent_collector_acked_seq'), 3);
  t.equal(await run.metric('vigil_agent_baseline_decisions_total', { decision: 'already_reported' }), 1, 'the repeated item was not sent twice');
  await until(() => (query<{ heartbeat_ms: number | null }>(dir, 'SELECT heartbeat_ms FROM agents')[0]?.heartbeat_ms ?? null) !== null, 'a heartbeat');
  const stats = JSON.parse(query<{ stats: string }>(dir, 'SELECT stats FROM agents')[0]?.stats ?? '{}') as Record<string, unknown>;
  t.match(stats, { events_total: 4 }, 'heartbeat statistics reach the collector');
  await until(() => {
    const s2 = JSON.parse(query<{ stats: string }>(dir, 'SELECT stats FROM agents')[0]?.stats ?? '{}') as { events_per_second?: number | null };
    return typeof s2.events_per_second === 'number' ? s2 : undefined;
  }, 'an event rate from two heartbeats');
});

t.test('agent restarted with reports on disk and the collector away: nothing lost, nothing doubled', async (t) => {
  const dir = tmp(t);
  const port = await freePort(dir);
  const first = await startAgent(agentConfig(dir, port));
  await post(first, '/bin/a', '/bin/b');
  await until(async () => (await first.metric('vigil_agent_outbox_depth')) === 2, 'two reports on disk');
  await first.stop();

  const second = await startAgent(agentConfig(dir, port));
  t.teardown(() => second.stop());
  await second.waitForLog((l) => l.msg === 'agent state opened' && l.depth === 2);
  await post(second, '/bin/a', '/bin/c'); // /bin/a was reported before the restart
  const collector = await collectorOn(dir, port);
  t.teardown(() => collector.stop());
  await until(() => query(dir, 'SELECT 1 FROM baseline_items').length === 3, 'all three items');
  await new Promise((r) => setTimeout(r, 300));
  t.same(query(dir, 'SELECT item_key FROM baseline_items ORDER BY item_key').map((r) => (r as { item_key: string }).item_key), ['exe:/bin/a', 'exe:/bin/b', 'exe:/bin/c']);
  t.same(query(dir, 'SELECT last_seq FROM agents'), [{ last_seq: 3 }], 'three reports in all: the item reported before the restart was not sent again');
});

t.test('offline, the agent decides with its cached baseline and mode', async (t) => {
  const dir = tmp(t);
  const port = await freePort(dir);
  const collector = await collectorOn(dir, port, 1_000);
  const first = await startAgent(agentConfig(dir, port));
  await post(first, '/bin/learned');
  await until(() => query(dir, 'SELECT 1 FROM baseline_items').length === 1, 'learned');
  await until(() => query<{ mode: string }>(dir, 'SELECT mode FROM workloads')[0]?.mode === 'detecting', 'locked', 5_000);
  await first.waitForLog((l) => l.msg === 'connected to the collector');
  await new Promise((r) => setTimeout(r, 200)); // the lock delta reaches the agent
  await first.stop();
  await collector.stop();

  const second = await startAgent(agentConfig(dir, port));
  t.teardown(() => second.stop());
  await post(second, '/bin/learned', '/bin/new-while-offline', '/bin/new-while-offline');
  await until(async () => (await second.metric('vigil_agent_baseline_decisions_total', { decision: 'novel' })) === 1, 'one novel item');
  t.equal(await second.metric('vigil_agent_baseline_decisions_total', { decision: 'baseline' }), 1, 'the cached baseline item costs nothing');
  t.equal(await second.metric('vigil_agent_baseline_decisions_total', { decision: 'repeat' }), 1, 'detecting (cached mode): the second sighting is a repeat');

  const back = await collectorOn(dir, port, 1_000);
  t.teardown(() => back.stop());
  await until(() => query<{ count: number }>(dir, 'SELECT count FROM alerts')[0]?.count === 2, 'one alert counted twice');
  t.same(query(dir, 'SELECT item_key, count FROM alerts'), [{ item_key: 'exe:/bin/new-while-offline', count: 2 }]);
});

t.test('a wrong agent token is logged as such and nothing is sent', async (t) => {
  const dir = tmp(t);
  const collector = await collectorOn(dir, 0, 60_000, ['a-different-token-0123456789']);
  t.teardown(() => collector.stop());
  const run = await startAgent(agentConfig(dir, collector.grpcPort));
  t.teardown(() => run.stop());
  await post(run, '/bin/x');
  await run.waitForLog((l) => l.msg === 'the collector refused the agent token; check --agent-token-file');
  t.equal(query(dir, 'SELECT 1 FROM baseline_items').length, 0);
  t.equal(await run.metric('vigil_agent_outbox_depth'), 1, 'the report stays on disk');
});

t.test('agent and collector over mutual TLS', async (t) => {
  const dir = tmp(t);
  const pki = makePki();
  t.teardown(() => rmSync(pki.dir, { recursive: true, force: true }));
  const collector = new Collector(
    {
      dbFile: join(dir, 'vigil.db'),
      grpcListen: '127.0.0.1:0',
      grpcTls: { cert: pki.read(pki.serverCertFile), key: pki.read(pki.serverKeyFile), clientCa: pki.read(pki.caFile) },
      http: null,
      agentTokens: [TOKEN],
      apiTokens: [],
      defaultMode: 'learning',
      windowMs: 60_000,
    },
    pino({ level: 'silent' }),
  );
  await collector.start();
  t.teardown(() => collector.stop());
  const config = agentConfig(dir, collector.grpcPort, {
    target: `localhost:${collector.grpcPort}`,
    tls: { caFile: pki.caFile, certFile: pki.clientCertFile, keyFile: pki.clientKeyFile },
  });
  const run = await startAgent(config);
  t.teardown(() => run.stop());
  await run.waitForLog((l) => l.msg === 'connected to the collector');
  await post(run, '/bin/over-tls');
  await until(() => query(dir, 'SELECT 1 FROM baseline_items').length === 1, 'stored over TLS');

  const noCert = await startAgent(agentConfig(dir, collector.grpcPort, {
    target: `localhost:${collector.grpcPort}`,
    tls: { caFile: pki.caFile, certFile: null, keyFile: null },
    stateDir: join(dir, 'other-state'),
  }));
  t.teardown(() => noCert.stop());
  await noCert.waitForLog((l) => l.msg === 'cannot reach the collector; retrying (reports stay on disk)');
  t.equal(await noCert.metric('vigil_agent_collector_connected'), 0, 'no client certificate: refused');
});

t.test('a JSON-lines replay with --collector delivers everything before the agent exits', async (t) => {
  const dir = tmp(t);
  const collector = await collectorOn(dir, 0);
  t.teardown(() => collector.stop());
  const { http: _http, ...config } = agentConfig(dir, collector.grpcPort, { shutdownDrainMs: 10_000 });
  const run = await startAgent({ ...config, jsonl: corpusPath('nginx.jsonl') }, null);
  await run.agent.finished();
  await run.stop();
  const stored = query<{ n: number }>(dir, 'SELECT COUNT(*) AS n FROM baseline_items')[0]?.n ?? 0;
  t.equal(stored, 17, "every distinct item of the replay was stored before exit");
  // 20 reports for 17 items: until the collector says a workload's identity the agent
  // deduplicates by the finest key (parent and, for interpreters, program): the entrypoint's
  // shell runs several scripts, one executable ran from two parents.
  t.same(query(dir, 'SELECT last_seq FROM agents'), [{ last_seq: 20 }]);
});

/** A collector (1 s windows, these options) and an agent linked to it, and a sender to the agent. */
async function linkedAgent(t: Test, over: Partial<CollectorConfig>): Promise<{ dir: string; sender: FalcoHttpSender }> {
  const dir = tmp(t);
  const collector = new Collector(
    { dbFile: join(dir, 'vigil.db'), grpcListen: '127.0.0.1:0', grpcTls: null, http: null, agentTokens: [TOKEN], apiTokens: [], defaultMode: 'learning', windowMs: 1_000, ...over },
    pino({ level: 'silent' }),
  );
  await collector.start();
  t.teardown(() => collector.stop());
  const run = await startAgent(agentConfig(dir, collector.grpcPort));
  t.teardown(() => run.stop());
  const sender = new FalcoHttpSender(`http://127.0.0.1:${run.agent.httpAddress?.port ?? 0}/`);
  t.teardown(() => sender.close());
  return { dir, sender };
}

t.test('a rollout is dated from the new image’s first event, known items included', async (t) => {
  const { dir, sender } = await linkedAgent(t, { imageReviewMs: 1_500 });
  const send = async (exe: string, digest: string): Promise<void> => {
    await sender.post(toJsonLine(execEvent({ exe, at: nowNs(), fields: { 'container.image.digest': digest } })));
  };
  await send('/usr/sbin/nginx', 'sha256:v1');
  await until(() => query<{ mode: string }>(dir, 'SELECT mode FROM workloads')[0]?.mode === 'detecting', 'the lock', 10_000);
  // The agent applies the collector's delta (nginx in the baseline, locked) before the rollout.
  const agentDb = new Database(join(dir, 'agent-state', 'agent-state.db'), { readonly: true });
  t.teardown(() => agentDb.close());
  await until(() => agentDb.prepare("SELECT 1 FROM workloads w JOIN workload_items i USING (workload_key) WHERE w.mode = 'detecting' AND i.item_key = 'exe:/usr/sbin/nginx'").get() !== undefined, 'the agent to know the locked baseline', 10_000);

  // The rollout: v2 runs only what the baseline knows; days later (here 2 s) it runs something new.
  const rollout = nowNs();
  await send('/usr/sbin/nginx', 'sha256:v2');
  await until(() => query(dir, "SELECT 1 FROM workload_images WHERE image_digest = 'sha256:v2'").length === 1, 'the new image recorded', 10_000);
  // As text: nanosecond times are above 2^53, a JavaScript number would round them.
  const [image] = query<{ first_seen_ns: string }>(dir, "SELECT CAST(first_seen_ns AS TEXT) AS first_seen_ns FROM workload_images WHERE image_digest = 'sha256:v2'");
  const firstSeen = BigInt(image?.first_seen_ns ?? '0');
  t.ok(firstSeen >= rollout && firstSeen < rollout + 1_000_000_000n, `dated from the known item’s event, at the rollout (${firstSeen - rollout} ns after)`);
  await new Promise((r) => setTimeout(r, 2_000));
  await send('/usr/bin/python3', 'sha256:v2');
  await until(() => query(dir, "SELECT 1 FROM alerts WHERE item_key = 'exe:/usr/bin/python3'").length === 1, 'the late novel item alerted', 10_000);
  t.same(query(dir, "SELECT item_key FROM baseline_items WHERE item_key = 'exe:/usr/bin/python3'"), [], 'not learned: the review window had closed');
});

t.test('lineage identity reaches the agent: a shell from a new parent is reported, not counted as the learned one', async (t) => {
  const { dir, sender } = await linkedAgent(t, { defaultIdentity: 'lineage' });
  const sh = async (parent: string): Promise<void> => {
    await sender.post(toJsonLine(execEvent({ exe: '/bin/sh', at: nowNs(), fields: { 'proc.pexepath': parent, 'proc.pname': parent.split('/').pop() } })));
  };
  await sh('/usr/local/bin/docker-entrypoint.sh');
  await until(() => query<{ mode: string }>(dir, 'SELECT mode FROM workloads')[0]?.mode === 'detecting', 'the lock', 10_000);
  const agentDb = new Database(join(dir, 'agent-state', 'agent-state.db'), { readonly: true });
  t.teardown(() => agentDb.close());
  await until(() => agentDb.prepare("SELECT identity FROM workloads WHERE mode = 'detecting'").get() !== undefined, 'the agent to know the locked baseline', 10_000);
  t.same(agentDb.prepare('SELECT identity FROM workloads').all(), [{ identity: 'lineage' }], 'the agent keeps the identity (for offline decisions after a restart)');
  await sh('/usr/local/bin/docker-entrypoint.sh');
  await sh('/usr/sbin/nginx');
  await until(() => query(dir, 'SELECT 1 FROM alerts').length === 1, 'the alert', 10_000);
  t.same(query(dir, 'SELECT item_key FROM alerts'), [{ item_key: 'exe:/bin/sh<-/usr/sbin/nginx' }]);
  t.same(query(dir, 'SELECT item_key FROM baseline_items'), [{ item_key: 'exe:/bin/sh<-/usr/local/bin/docker-entrypoint.sh' }]);
});

t.test('args identity reaches the agent: a new script for a learned interpreter is reported; the learned one with other numbers is not', async (t) => {
  const { dir, sender } = await linkedAgent(t, { defaultIdentity: 'args' });
  const py = async (cmdline: string): Promise<void> => {
    await sender.post(toJsonLine(execEvent({ exe: '/usr/bin/python3.11', at: nowNs(), fields: { 'proc.name': 'python3', 'proc.cmdline': cmdline } })));
  };
  await py('python3 worker.py --shard 1');
  await until(() => query<{ mode: string }>(dir, 'SELECT mode FROM workloads')[0]?.mode === 'detecting', 'the lock', 10_000);
  const agentDb = new Database(join(dir, 'agent-state', 'agent-state.db'), { readonly: true });
  t.teardown(() => agentDb.close());
  await until(() => agentDb.prepare("SELECT identity FROM workloads WHERE mode = 'detecting'").get() !== undefined, 'the agent to know the locked baseline', 10_000);
  t.same(agentDb.prepare('SELECT identity FROM workloads').all(), [{ identity: 'args' }], 'the agent keeps the identity');
  t.same(agentDb.prepare('SELECT item_key FROM workload_items').all(), [{ item_key: 'exe:/usr/bin/python3.11 [worker.py]' }], 'and the baseline in its form');
  await py('python3 worker.py --shard 2');
  await py('python3 /dev/shm/x.py');
  await until(() => query(dir, 'SELECT 1 FROM alerts').length === 1, 'the alert', 10_000);
  t.same(query(dir, 'SELECT item_key FROM alerts'), [{ item_key: 'exe:/usr/bin/python3.11 [/dev/shm/x.py]' }]);
});
