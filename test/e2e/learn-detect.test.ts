// Falco-compatible servers → real `vigil agent` processes → a real `vigil collector` process →
// SQLite. Assertions read the collector's database file.
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FalcoCompatibleServer } from '../../agent/falco/falco-compatible-server.js';
import { toGrpcResponse } from '../support/corpus.js';
import { execEvent, nowNs } from '../support/events.js';
import { VigilProcess, until } from '../support/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const tokenFile = join(dir, 'agent-token');
writeFileSync(tokenFile, 'e2e-agent-token-0123456789abcdef\n');
const dbFile = join(dir, 'vigil.db');

function query<T>(sql: string): T[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function startCollector(window = '3s'): Promise<{ proc: VigilProcess; port: number }> {
  const proc = new VigilProcess([
    'collector', '--db', dbFile, '--grpc-listen', '127.0.0.1:0', '--http-listen', 'off',
    '--agent-token-file', tokenFile, '--baseline-window', window,
  ]);
  const line = await proc.waitForLog((l) => l.msg === 'listening for agents');
  return { proc, port: Number(String(line.address).split(':').pop()) };
}

function startAgent(node: string, falcoSocket: string, collectorPort: number): VigilProcess {
  return new VigilProcess([
    'agent', '--falco', falcoSocket, '--collector', `127.0.0.1:${collectorPort}`, '--agent-token-file', tokenFile,
    '--state', join(dir, `state-${node}`), '--node', node, '--cluster', 'prod', '--listen', 'off',
    '--repeat-interval', '300ms', '--falco-poll-interval', '50ms', '--collector-retry-max', '500ms',
  ]);
}

const web = (pod: string, exe: string, hostname: string) =>
  toGrpcResponse(execEvent({ exe, pod: `web-7d9c8b6f5-${pod}`, containerId: `cid-${pod}`, container: 'nginx', at: nowNs(), hostname }));

t.test('two replicas on two nodes learn the union; after the lock a new binary opens exactly one alert', async (t) => {
  const falcoA = new FalcoCompatibleServer({ address: `unix://${join(dir, 'falco-a.sock')}` });
  const falcoB = new FalcoCompatibleServer({ address: `unix://${join(dir, 'falco-b.sock')}` });
  await Promise.all([falcoA.start(), falcoB.start()]);
  t.teardown(() => Promise.all([falcoA.stop(), falcoB.stop()]));
  const collector = await startCollector();
  t.teardown(() => collector.proc.kill('SIGTERM'));
  const agentA = startAgent('node-a', `unix://${join(dir, 'falco-a.sock')}`, collector.port);
  const agentB = startAgent('node-b', `unix://${join(dir, 'falco-b.sock')}`, collector.port);
  t.teardown(() => Promise.all([agentA.kill('SIGTERM'), agentB.kill('SIGTERM')]));
  await Promise.all([
    agentA.waitForLog((l) => l.msg === 'connected to the collector'),
    agentB.waitForLog((l) => l.msg === 'connected to the collector'),
  ]);

  falcoA.publish(web('a1b2c', '/docker-entrypoint.sh', 'node-a'), web('a1b2c', '/usr/sbin/nginx', 'node-a'));
  falcoB.publish(web('z9y8x', '/usr/sbin/nginx', 'node-b'), web('z9y8x', '/usr/bin/envsubst', 'node-b'));
  const learned = await until(() => {
    const items = query<{ item_key: string; node: string }>('SELECT item_key, node FROM baseline_items ORDER BY item_key');
    return items.length === 3 ? items : undefined;
  }, 'the union of both nodes in the baseline');
  t.same(learned.map((i) => i.item_key), ['exe:/docker-entrypoint.sh', 'exe:/usr/bin/envsubst', 'exe:/usr/sbin/nginx']);
  t.same(query('SELECT key, mode FROM workloads'), [{ key: 'prod/shop/Deployment/web', mode: 'learning' }]);

  await until(() => query<{ mode: string }>('SELECT mode FROM workloads')[0]?.mode === 'detecting', 'the baseline lock', 10_000);

  // After the lock: a baseline binary never alerts, even on the node that did not learn it;
  // a new binary opens one alert and its repeats only raise the count.
  falcoA.publish(web('a1b2c', '/usr/bin/envsubst', 'node-a'), web('a1b2c', '/usr/sbin/nginx', 'node-a'));
  falcoA.publish(web('a1b2c', '/usr/bin/curl', 'node-a'), web('a1b2c', '/usr/bin/curl', 'node-a'), web('a1b2c', '/usr/bin/curl', 'node-a'));
  await until(() => query<{ count: number }>('SELECT count FROM alerts')[0]?.count === 3, 'the alert to reach 3');
  falcoA.publish(web('a1b2c', '/usr/bin/curl', 'node-a'), web('a1b2c', '/usr/bin/curl', 'node-a'));
  await until(() => query<{ count: number }>('SELECT count FROM alerts')[0]?.count === 5, 'repeats to be counted');
  await new Promise((r) => setTimeout(r, 800)); // a further repeat interval: nothing more may arrive
  t.same(query('SELECT item_key, count, status, node FROM alerts'), [{ item_key: 'exe:/usr/bin/curl', count: 5, status: 'open', node: 'node-a' }]);
  t.same(query<{ n: number }>('SELECT COUNT(*) AS n FROM baseline_items')[0], { n: 3 }, 'nothing learned after the lock');
  const agents = query<{ node: string; last_seq: number }>('SELECT node, last_seq FROM agents ORDER BY node');
  t.same(agents.map((a) => a.node), ['node-a', 'node-b']);
  t.ok(agents.every((a) => a.last_seq > 0));
});
