// The rendered manifests, run: the collector and agent containers of each overlay start from
// their real args, env and volumes (the secrets make-secrets.sh made, written out of the rendered
// Secrets), link over mutual TLS, and an event from "Falco" (the gRPC socket, or an HTTPS post
// with Falco's client certificate) ends up learned in the collector's baseline. The metric names
// docs/operations.md and the alert rules use are checked against these live processes.
import t from 'tap';
import { request as httpsRequest } from 'node:https';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FalcoCompatibleServer } from '../../agent/falco/falco-compatible-server.js';
import { toGrpcResponse } from '../support/corpus.js';
import { execEvent, toJsonLine } from '../support/events.js';
import { isObject, type JsonObject } from '../support/kustomize.js';
import { ROOT, find, prepareDeployment, type Overlay } from './helpers/render.js';
import { containerOf, portOf, startContainer, type RunningContainer } from './helpers/run-container.js';
import { execFileSync, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';

const deployment = prepareDeployment();
const running: RunningContainer[] = [];
t.teardown(async () => {
  for (const r of running) await r.stop();
  deployment.cleanup();
});

const operatorToken = readFileSync(join(deployment.secretsDir, 'operator-token'), 'utf8').trim();
const prometheusToken = readFileSync(join(deployment.secretsDir, 'prometheus-token'), 'utf8').trim();

async function get(url: string, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, text: await res.text() };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs the init container's script as the kubelet would, but as this test's own user. */
function runStateInit(agent: RunningContainer, workload: JsonObject): void {
  const init = containerOf(workload, 'state-permissions');
  const command = Array.isArray(init.command) ? init.command.map(String) : [];
  const args = Array.isArray(init.args) ? init.args.map(String) : [];
  execFileSync(process.execPath, [...command.slice(1), agent.hostPath(args[0] ?? ''), String(process.getuid?.() ?? 0), String(process.getgid?.() ?? 0)], { stdio: 'pipe' });
}

interface Started {
  readonly collector: RunningContainer;
  readonly agent: RunningContainer;
  readonly apiPort: number;
  readonly healthPort: number;
}

async function startPair(overlay: Overlay, beforeAgent?: (nodeRoot: string) => Promise<void>): Promise<Started> {
  const objects = deployment.overlays[overlay];
  const base = join(deployment.dir, `run-${overlay}`);
  const nodeRoot = join(base, 'node');
  const collector = startContainer({
    objects,
    workload: find(objects, 'Deployment', 'vigil-collector'),
    container: 'collector',
    nodeRoot,
    podRoot: join(base, 'collector'),
    nodeName: 'test-node',
  });
  running.push(collector);
  const grpcPort = portOf(await collector.waitFor(/^listening for agents$/));
  const apiPort = portOf(await collector.waitFor(/^serving .*\/healthz/));
  await beforeAgent?.(nodeRoot);
  const ds = find(objects, 'DaemonSet', 'vigil-agent');
  const agentPodRoot = join(base, 'agent');
  mkdirSync(agentPodRoot, { recursive: true });
  const agent = startContainer({
    objects,
    workload: ds,
    container: 'agent',
    nodeRoot,
    podRoot: agentPodRoot,
    nodeName: 'test-node',
    // The Service name stays in the certificate check: the test certificate adds localhost.
    rewrite: (name, value) => (name === '--collector' ? value.replace(/^[^:]+:\d+$/, `localhost:${grpcPort}`) : undefined),
  });
  running.push(agent);
  runStateInit(agent, ds);
  const healthPort = portOf(await agent.waitFor(/^serving \/healthz, \/readyz and \/metrics$/));
  await agent.waitFor(/^connected to the collector$/);
  return { collector, agent, apiPort, healthPort };
}

async function learned(apiPort: number, exe: string): Promise<JsonObject> {
  return until(`${exe} in the baseline`, async () => {
    const res = await get(`http://127.0.0.1:${apiPort}/api/v1/workloads/shop/Deployment/web?cluster=default`, operatorToken);
    if (res.status !== 200) return undefined;
    const body = JSON.parse(res.text) as JsonObject;
    const items = Array.isArray(body.baseline) ? body.baseline.filter(isObject) : [];
    return items.some((i) => i.item === `exe:${exe}`) ? body : undefined;
  });
}

function post(port: number, body: string, tls: { cert?: Buffer; key?: Buffer }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      // Like Falco's http_output with insecure: true: the client certificate is the check.
      { host: '127.0.0.1', port, method: 'POST', path: '/', rejectUnauthorized: false, ...tls, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function metricNames(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1] as string));
}

/** Every vigil_* metric named in the operations guide and in the shipped alert rules. */
function documentedMetrics(): Map<string, string> {
  const found = new Map<string, string>();
  const docs = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
  const rules = readFileSync(join(ROOT, 'deploy', 'prometheus', 'vigil-alerts.yaml'), 'utf8');
  for (const [source, text] of [
    ['docs/operations.md', docs],
    ['deploy/prometheus/vigil-alerts.yaml', rules],
  ] as const) {
    for (const m of text.matchAll(/\bvigil_(?:agent|collector)_[a-z0-9_]+/g)) found.set(m[0], source);
  }
  return found;
}

function known(name: string, names: Set<string>): boolean {
  if (names.has(name)) return true;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return base !== name && names.has(base);
}

t.test('HTTP overlay: Falco posts over mutual TLS, the collector learns, metrics are as documented', async (t) => {
  const { collector, agent, apiPort, healthPort } = await startPair('http');
  const receiverPort = portOf(await agent.waitFor(/^listening for Falco http_output$/));
  const ready = JSON.parse((await get(`http://127.0.0.1:${healthPort}/readyz`)).text) as JsonObject;
  t.match(ready, { status: 'ready', checks: { falco_http: true } }, 'ready once the receiver listens');

  const secrets = join(deployment.secretsDir, 'falco-http');
  const event = toJsonLine(execEvent({ exe: '/usr/bin/http-path-probe' }));
  const accepted = await post(receiverPort, event, { cert: readFileSync(join(secrets, 'falco-client.crt')), key: readFileSync(join(secrets, 'falco-client.key')) });
  t.same({ status: accepted.status, body: JSON.parse(accepted.text) as unknown }, { status: 200, body: { accepted: 1 } }, "Falco's client certificate is accepted");
  await t.rejects(post(receiverPort, event, {}), 'no client certificate: refused during the handshake');
  await t.rejects(
    post(receiverPort, event, { cert: readFileSync(join(deployment.secretsDir, 'agent.crt')), key: readFileSync(join(deployment.secretsDir, 'agent.key')) }),
    "an agent's certificate (another CA) cannot post events",
  );

  const workload = await learned(apiPort, '/usr/bin/http-path-probe');
  t.equal(workload.key, 'default/shop/Deployment/web', 'cluster name from the ConfigMap');
  const agents = JSON.parse((await get(`http://127.0.0.1:${apiPort}/api/v1/agents`, operatorToken)).text) as { agents: JsonObject[] };
  t.match(agents.agents, [{ node: 'test-node', cluster: 'default' }], 'node name from the downward API');

  // What the probes and Prometheus use.
  t.equal((await get(`http://127.0.0.1:${apiPort}/healthz`)).status, 200);
  t.equal((await get(`http://127.0.0.1:${apiPort}/readyz`)).status, 200);
  t.equal((await get(`http://127.0.0.1:${apiPort}/metrics`)).status, 401, '/metrics wants a token');
  const collectorMetrics = await get(`http://127.0.0.1:${apiPort}/metrics`, prometheusToken);
  t.equal(collectorMetrics.status, 200, 'the prometheus viewer token from make-secrets.sh opens /metrics');
  const agentMetrics = await get(`http://127.0.0.1:${healthPort}/metrics`);
  t.equal(agentMetrics.status, 200);
  const names = new Set([...metricNames(collectorMetrics.text), ...metricNames(agentMetrics.text)]);
  const documented = documentedMetrics();
  t.ok(documented.size >= 15, `the docs name ${documented.size} metrics`);
  for (const [name, source] of documented) t.ok(known(name, names), `${name} (${source}) is a metric the agent or collector serves`);

  // docs/deploy.md's backup, while the collector writes, and restore.
  const dbFile = collector.hostPath('/var/lib/vigil/vigil.db');
  const backupFile = join(deployment.dir, 'vigil-backup.db');
  const out = openSync(backupFile, 'w');
  const backup = spawnSync(process.execPath, ['-e', readFileSync(join(ROOT, 'deploy', 'kubernetes', 'tools', 'db-backup.cjs'), 'utf8'), dbFile], { cwd: ROOT, stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
  closeSync(out);
  t.equal(backup.status, 0, `backup exits 0: ${backup.stderr}`);
  t.match(backup.stderr, /integrity ok/);
  t.same(readdirSync(collector.hostPath('/var/lib/vigil')).filter((f) => f.startsWith('.vigil-backup')), [], 'the temporary copy is removed');
  const copy = new Database(backupFile, { readonly: true });
  t.ok((copy.prepare('SELECT key FROM workloads').all() as Array<{ key: string }>).some((r) => r.key === 'default/shop/Deployment/web'), 'the backup holds what the collector learned');
  copy.close();
  const restoreDir = join(deployment.dir, 'restore');
  mkdirSync(restoreDir, { recursive: true });
  const target = join(restoreDir, 'vigil.db');
  writeFileSync(target, 'old database');
  writeFileSync(`${target}-wal`, 'stale wal');
  const restoreScript = readFileSync(join(ROOT, 'deploy', 'kubernetes', 'tools', 'db-restore.cjs'), 'utf8');
  const garbage = spawnSync(process.execPath, ['-e', restoreScript, target], { cwd: ROOT, input: 'not a database', encoding: 'utf8' });
  t.equal(garbage.status, 1, 'a broken backup is refused');
  t.equal(readFileSync(target, 'utf8'), 'old database', '...and nothing is replaced');
  const restore = spawnSync(process.execPath, ['-e', restoreScript, target], { cwd: ROOT, input: readFileSync(backupFile), encoding: 'utf8' });
  t.equal(restore.status, 0, `restore exits 0: ${restore.stderr}`);
  t.notOk(existsSync(`${target}-wal`), 'no stale WAL next to the restored database');
  t.equal(readdirSync(restoreDir).filter((f) => f.includes('.before-restore-')).length, 2, 'the previous database and its WAL are kept aside');
  const restored = new Database(target, { readonly: true });
  t.equal(restored.pragma('integrity_check', { simple: true }), 'ok');
  t.ok((restored.prepare('SELECT key FROM workloads').all() as Array<{ key: string }>).some((r) => r.key === 'default/shop/Deployment/web'));
  restored.close();

  t.equal(await agent.stop(), 0, 'the agent stops cleanly on SIGTERM');
  t.equal(await collector.stop(), 0, 'the collector stops cleanly on SIGTERM');
});

t.test('gRPC overlay: the agent reads the socket in the mounted directory, the collector learns', async (t) => {
  let falco: FalcoCompatibleServer | null = null;
  t.teardown(async () => {
    await falco?.stop();
  });
  const objects = deployment.overlays.grpc;
  const agentContainer = containerOf(find(objects, 'DaemonSet', 'vigil-agent'), 'agent');
  const target = (Array.isArray(agentContainer.args) ? agentContainer.args.map(String) : []).find((a) => a.startsWith('--falco='))?.slice('--falco='.length) ?? '';
  const { collector, agent, apiPort, healthPort } = await startPair('grpc', async (nodeRoot) => {
    // Falco, as the chart runs it: the socket in the node's /run/falco, which the agent mounts.
    const socketDir = join(nodeRoot, 'run', 'falco');
    mkdirSync(socketDir, { recursive: true });
    falco = new FalcoCompatibleServer({ address: `unix://${join(nodeRoot, target.slice('unix://'.length))}`, version: { version: '0.43.1' } });
    await falco.start();
    falco.publish(toGrpcResponse(execEvent({ exe: '/usr/bin/grpc-path-probe' })));
  });
  await agent.waitFor(/^subscribed to Falco gRPC outputs$/);
  const ready = JSON.parse((await get(`http://127.0.0.1:${healthPort}/readyz`)).text) as JsonObject;
  t.match(ready, { status: 'ready', checks: { falco_grpc: true } });
  await learned(apiPort, '/usr/bin/grpc-path-probe');
  t.pass('the event Falco queued reached the baseline');
  t.equal(await agent.stop(), 0);
  t.equal(await collector.stop(), 0);
});

t.test('the shipped alert rules are well-formed Prometheus rules', async (t) => {
  const rules = parse(readFileSync(join(ROOT, 'deploy', 'prometheus', 'vigil-alerts.yaml'), 'utf8')) as { groups?: Array<{ name?: string; rules?: JsonObject[] }> };
  t.ok(Array.isArray(rules.groups) && rules.groups.length > 0);
  const alerts = new Set<string>();
  for (const g of rules.groups ?? []) {
    t.ok(g.name, 'every group is named');
    for (const r of g.rules ?? []) {
      t.match(r, { alert: String, expr: String, labels: { severity: /^(critical|warning|info)$/ }, annotations: { summary: String, description: String } }, `rule ${String(r.alert)}`);
      t.notOk(alerts.has(String(r.alert)), `${String(r.alert)} is defined once`);
      alerts.add(String(r.alert));
      t.match(String(r.for ?? '0s'), /^\d+[smh]$/);
    }
  }
  for (const a of ['VigilAgentCollectorDisconnected', 'VigilAgentFalcoDrops', 'VigilAgentOutboxGrowing', 'VigilCollectorDiskFilling']) t.ok(alerts.has(a), `alerts on ${a}`);
  const docs = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
  t.ok(docs.includes(readFileSync(join(ROOT, 'deploy', 'prometheus', 'vigil-alerts.yaml'), 'utf8').trim()), 'docs/operations.md shows the rules file as it is');
});
