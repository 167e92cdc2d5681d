// Structure of the labelled scenario corpus (cluster-week.jsonl): the line format of
// docs/observation-model.md §5 plus a label, time order, container starts and what a restart
// runs again, the attacks the README lists, the learning-window attack inside day 1, CronJob
// identity across nights, the loader, and that the committed file is what the generator writes.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { observationToJson } from '../../agent/model/observation.js';
import {
  LEARNING_END_NS,
  SCENARIO_DIR,
  SCENARIO_END_NS,
  SCENARIO_FILE,
  SCENARIO_START_NS,
  ScenarioFormatError,
  dayOf,
  loadScenario,
  observationFromJson,
  parseLabel,
  parseScenarioLine,
  type Label,
  type LabelledObservation,
} from './load.js';

const text = readFileSync(SCENARIO_FILE, 'utf8');
const lines = text.split('\n');
const LAST = lines.pop();
const raw: Array<Record<string, unknown>> = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const loaded: LabelledObservation[] = loadScenario();

const TOP_KEYS = ['time', 'node', 'type', 'workload', 'pod', 'container', 'container_id', 'container_start', 'image', 'image_digest', 'rule', 'priority'];
const PROCESS_KEYS = ['exe', 'name', 'cmdline', 'parent', 'parent_name', 'user', 'uid', 'pid', 'exe_upper_layer'];
const NETWORK_KEYS = ['direction', 'peer', 'peer_name', 'port', 'protocol', 'local_ip', 'local_port'];
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/;

function attackOf(label: Label): string | null {
  return label.part === 'attack' ? label.attack : null;
}

function readmeAttackIds(): string[] {
  const readme = readFileSync(join(SCENARIO_DIR, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Attacks\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1] ?? '');
}

t.test('the file is non-empty, ends with a newline, under 3 MB', async (t) => {
  t.equal(LAST, '', 'final newline, no trailing blank line');
  t.ok(raw.length > 1000, `${raw.length} lines`);
  t.ok(Buffer.byteLength(text) < 3 * 1024 * 1024, `${Buffer.byteLength(text)} bytes`);
});

t.test('every line is an ObservationJson with the documented keys in order, plus a valid label', async (t) => {
  let bad = 0;
  raw.forEach((json, i) => {
    const where = `line ${i + 1}`;
    const type = json.type;
    const keys = Object.keys(json);
    const want = [...TOP_KEYS, type === 'process' ? 'process' : 'network', 'label'];
    const problems: string[] = [];
    if (type !== 'process' && type !== 'network') problems.push(`type ${String(type)}`);
    if (keys.join() !== want.join()) problems.push(`keys ${keys.join()}`);
    if (typeof json.time !== 'string' || !TIME.test(json.time)) problems.push('time');
    const w = json.workload as Record<string, unknown>;
    if (Object.keys(w).join() !== 'cluster,namespace,kind,name' || w.cluster !== 'prod') problems.push('workload');
    if (typeof json.node !== 'string' || !/^node-[abc]$/.test(json.node)) problems.push('node');
    if (typeof json.container_id !== 'string' || !/^[0-9a-f]{12}$/.test(json.container_id)) problems.push('container_id');
    if (typeof json.container_start !== 'string' || !TIME.test(json.container_start)) problems.push('container_start');
    if (typeof json.image !== 'string' || !/^[^@\s]+:[^:@\s]+$/.test(json.image)) problems.push('image');
    if (typeof json.image_digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(json.image_digest)) problems.push('image_digest');
    if (json.priority !== 'informational') problems.push('priority');
    if (type === 'process') {
      const p = json.process as Record<string, unknown>;
      if (Object.keys(p).join() !== PROCESS_KEYS.join()) problems.push('process keys');
      if (json.rule !== 'Vigil process exec') problems.push('rule');
      if (typeof p.exe !== 'string' || !p.exe.startsWith('/')) problems.push('exe');
      if (typeof p.name !== 'string' || p.name.length > 15) problems.push('name');
      if (typeof p.cmdline !== 'string' || !p.cmdline.startsWith(p.name as string)) problems.push('cmdline');
      if (typeof p.pid !== 'number' || typeof p.uid !== 'number' || typeof p.exe_upper_layer !== 'boolean') problems.push('pid/uid/upper');
    } else if (type === 'network') {
      const n = json.network as Record<string, unknown>;
      if (Object.keys(n).join() !== NETWORK_KEYS.join()) problems.push('network keys');
      const rule = n.direction === 'outbound' ? 'Vigil outbound connect' : 'Vigil inbound accept';
      if (json.rule !== rule) problems.push('rule');
      if (n.protocol !== 'tcp' && n.protocol !== 'udp') problems.push('protocol');
      if (typeof n.port !== 'number' || typeof n.local_port !== 'number') problems.push('ports');
      if (n.direction === 'inbound' && (n.peer_name !== null || n.port !== n.local_port)) problems.push('inbound port/peer_name');
    }
    try {
      parseLabel(json.label, where);
    } catch (err) {
      problems.push((err as Error).message);
    }
    if (problems.length) {
      bad++;
      if (bad <= 5) t.fail(`${where}: ${problems.join('; ')}`);
    }
  });
  t.equal(bad, 0, 'lines with problems');
});

t.test('pod names follow their workload kind', async (t) => {
  const seen = new Set<string>();
  for (const { observation: o } of loaded) {
    const key = `${o.workload.kind}/${o.workload.name}/${o.pod ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = o.workload.name;
    const pod = o.pod ?? '';
    const ok =
      (o.workload.kind === 'Deployment' && new RegExp(`^${name}-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$`).test(pod)) ||
      (o.workload.kind === 'StatefulSet' && new RegExp(`^${name}-\\d+$`).test(pod)) ||
      (o.workload.kind === 'DaemonSet' && new RegExp(`^${name}-[a-z0-9]{5}$`).test(pod)) ||
      (o.workload.kind === 'CronJob' && new RegExp(`^${name}-\\d{8,9}-[a-z0-9]{5}$`).test(pod)) ||
      (o.workload.kind === 'Pod' && pod === name);
    t.ok(ok, `${key}`);
  }
  t.ok(seen.size >= 15, `${seen.size} distinct pods`);
});

t.test('times are strictly increasing and inside the week', async (t) => {
  let unordered = 0;
  for (let i = 1; i < loaded.length; i++) {
    const prev = loaded[i - 1]?.observation.timeNs ?? 0n;
    if ((loaded[i]?.observation.timeNs ?? 0n) <= prev) unordered++;
  }
  t.equal(unordered, 0, 'lines out of order');
  t.ok((loaded[0]?.observation.timeNs ?? 0n) >= SCENARIO_START_NS, 'first line on day 1');
  t.ok((loaded.at(-1)?.observation.timeNs ?? SCENARIO_END_NS) < SCENARIO_END_NS, 'last line on day 7');
  const days = new Set(loaded.map(({ observation }) => dayOf(observation.timeNs)));
  t.same([...days].sort(), [1, 2, 3, 4, 5, 6, 7], 'every day has observations');
});

t.test('container start: one per container id, before the container’s first line', async (t) => {
  const starts = new Map<string, bigint | null>();
  const firstLine = new Map<string, bigint>();
  let bad = 0;
  for (const { observation: o } of loaded) {
    const where = `${o.containerId} at ${String(o.timeNs)}`;
    const start = o.containerStartNs;
    if (start === null || start >= o.timeNs) {
      bad++;
      if (bad <= 5) t.fail(`${where}: container start ${String(start)} is not before the line`);
    }
    if (!starts.has(o.containerId)) {
      starts.set(o.containerId, start);
      firstLine.set(o.containerId, o.timeNs);
    } else if (starts.get(o.containerId) !== start) {
      bad++;
      if (bad <= 5) t.fail(`${where}: container start ${String(start)}, earlier ${String(starts.get(o.containerId))}`);
    }
  }
  t.equal(bad, 0, 'lines with a missing, late or changing container start');
  // Every container of the week starts during it (none was running before T0), and its
  // entrypoint runs within seconds of the start (the CronJob's shell a few seconds later).
  for (const [id, start] of starts) {
    const first = firstLine.get(id) ?? 0n;
    t.ok(start !== null && start >= SCENARIO_START_NS && first - start < 10_000_000_000n, `${id}: started ${String(start)}, first line ${String(first)}`);
  }
});

t.test('a restarted container runs its start-up again: entrypoint, its children, the exec probes', async (t) => {
  // Process items (exe <- parent) of each container in its first two minutes, by pod.
  const STARTUP_NS = 120_000_000_000n;
  const byPod = new Map<string, Map<string, Set<string>>>();
  for (const { observation: o } of loaded) {
    if (o.type !== 'process' || o.containerStartNs === null || o.timeNs - o.containerStartNs > STARTUP_NS) continue;
    const pod = `${o.workload.name}/${o.pod ?? ''}`;
    const incarnations = byPod.get(pod) ?? new Map<string, Set<string>>();
    const items = incarnations.get(o.containerId) ?? new Set<string>();
    items.add(`${o.process.exe} <- ${o.process.parentExe ?? ''}`);
    incarnations.set(o.containerId, items);
    byPod.set(pod, incarnations);
  }
  const restarted = [...byPod].filter(([, incarnations]) => incarnations.size > 1);
  t.same(restarted.map(([pod]) => pod.split('/')[0]).sort(), ['postgres', 'storefront', 'worker'], 'the three restarts of the README');
  // kubelet runs exec probes (parent runc) from a container's start; storefront's are httpGet.
  const execProbes: Record<string, string[]> = {
    postgres: ['/usr/lib/postgresql/16/bin/pg_isready <- /usr/bin/runc', '/usr/bin/dash <- /usr/bin/runc'],
    worker: ['/usr/bin/dash <- /usr/bin/runc', '/usr/local/bin/python3.12 <- /usr/bin/runc'],
    storefront: [],
  };
  for (const [pod, incarnations] of restarted) {
    const probes = execProbes[pod.split('/')[0] ?? ''] ?? [];
    for (const items of incarnations.values()) t.same(probes.filter((item) => !items.has(item)), [], `${pod}: every incarnation is probed from its start`);
    const [first, ...later] = [...incarnations.values()];
    // What the kubelet and the runtime start (entrypoint, exec probes) comes back; first-boot
    // work (postgres' initdb) does not, and nothing new appears.
    const started = [...(first ?? [])].filter((item) => /<- \/usr\/bin\/(containerd-shim-runc-v2|runc)$/.test(item));
    t.ok(started.length >= 1, `${pod}: the first incarnation starts processes`);
    for (const items of later) {
      t.same(started.filter((item) => !items.has(item)), [], `${pod}: the restart runs the entrypoint and the exec probes again`);
      t.same([...items].filter((item) => !(first ?? new Set()).has(item)), [], `${pod}: and nothing the first start did not`);
    }
  }
});

t.test('the attacks are the ones the README lists', async (t) => {
  const listed = readmeAttackIds();
  t.equal(listed.length, 7, `README lists ${listed.join(', ')}`);
  const present = new Set(loaded.map(({ label }) => attackOf(label)).filter((a): a is string => a !== null));
  t.same([...present].sort(), [...listed].sort(), 'every listed attack occurs, and nothing else');
  for (const id of listed) {
    const steps = loaded.filter(({ label }) => attackOf(label) === id);
    t.ok(steps.length >= 4, `${id}: ${steps.length} lines`);
    t.ok(steps.some(({ observation }) => observation.type === 'process'), `${id} has processes`);
    const workloads = new Set(steps.map(({ observation: o }) => `${o.workload.namespace}/${o.workload.kind}/${o.workload.name}`));
    t.equal(workloads.size, 1, `${id} stays in one workload`);
  }
});

t.test('the learning-window attack is inside day 1; every other attack is after it', async (t) => {
  const hidden = loaded.filter(({ label }) => attackOf(label) === 'learning-window-implant');
  t.ok(hidden.length > 0);
  t.ok(
    hidden.every(({ observation }) => observation.timeNs >= SCENARIO_START_NS && observation.timeNs < LEARNING_END_NS),
    'learning-window-implant: all lines on day 1',
  );
  const others = loaded.filter(({ label }) => label.part === 'attack' && label.attack !== 'learning-window-implant');
  t.ok(others.every(({ observation }) => observation.timeNs >= LEARNING_END_NS), 'other attacks after day 1');
});

t.test('binaries written after the container started only appear in attacks', async (t) => {
  const upper = loaded.filter(({ observation: o }) => o.type === 'process' && o.process.exeUpperLayer === true);
  t.ok(upper.length >= 3);
  t.ok(upper.every(({ label }) => label.part === 'attack'));
});

t.test('normal changes: the rollout and the SRE session are labelled normal', async (t) => {
  const migrate = loaded.filter(({ observation: o }) => o.type === 'process' && o.process.exe === '/app/bin/migrate');
  t.ok(migrate.length > 0 && migrate.every(({ label, observation }) => label.part === 'normal' && dayOf(observation.timeNs) >= 3));
  const api = loaded.filter(({ observation: o }) => o.workload.name === 'api');
  t.equal(new Set(api.map(({ observation }) => observation.imageDigest)).size, 2, 'two api image digests');
  const sre = loaded.filter(({ observation: o }) => o.type === 'process' && o.process.exe === '/usr/local/bin/redis-cli');
  t.ok(sre.length > 0 && sre.every(({ label }) => label.part === 'normal'));
  const dns = loaded.filter(({ observation: o }) => o.type === 'network' && o.network.peer === '10.96.0.10' && o.network.port === 53);
  t.ok(dns.length > 100 && dns.every(({ observation: o }) => o.type === 'network' && o.network.protocol === 'udp'));
});

t.test('one CronJob identity over several nights, a new pod each night', async (t) => {
  const backup = loaded.filter(({ observation: o }) => o.workload.kind === 'CronJob' && o.workload.name === 'backup');
  const podsByDay = new Map<number, Set<string>>();
  for (const { observation: o } of backup) {
    const day = dayOf(o.timeNs);
    const pods = podsByDay.get(day) ?? new Set<string>();
    pods.add(o.pod ?? '');
    podsByDay.set(day, pods);
  }
  t.ok(podsByDay.size >= 5, `${podsByDay.size} nights`);
  const allPods = new Set(backup.map(({ observation }) => observation.pod));
  t.equal(allPods.size, podsByDay.size, 'one pod per night, all different');
  for (const [day, pods] of podsByDay) {
    t.equal(pods.size, 1, `night ${day}: one pod`);
    const pod = [...pods][0] ?? '';
    // backup-<minute>-<suffix>: the job's scheduled minute is 02:00 UTC of that day.
    const minute = BigInt(/^backup-(\d+)-/.exec(pod)?.[1] ?? '0');
    t.equal(minute * 60_000_000_000n, SCENARIO_START_NS + BigInt(day - 1) * 86_400_000_000_000n + 7_200_000_000_000n, `${pod} scheduled at 02:00`);
  }
});

t.test('loader: Observation values, and an exact round trip through observationToJson', async (t) => {
  t.equal(loaded.length, raw.length);
  const first = loaded[0];
  t.ok(first);
  if (first) {
    t.type(first.observation.timeNs, 'bigint');
    t.equal(first.observation.podUid, null);
    t.equal(first.observation.workload.cluster, 'prod');
  }
  let mismatched = 0;
  loaded.forEach(({ observation, label }, i) => {
    const again = JSON.stringify({ ...observationToJson(observation), label });
    if (again !== lines[i]) {
      mismatched++;
      if (mismatched <= 3) t.fail(`line ${i + 1} does not round-trip:\n${lines[i]}\n${again}`);
    }
  });
  t.equal(mismatched, 0, 'lines that differ after loading and re-serializing');
});

t.test('loader rejects what the format does not allow', async (t) => {
  const good = lines[0] ?? '';
  const parsed = JSON.parse(good) as Record<string, unknown>;
  const variant = (patch: Record<string, unknown>): string => JSON.stringify({ ...parsed, ...patch });
  t.ok(parseScenarioLine(good).observation);
  t.throws(() => parseScenarioLine('{'), ScenarioFormatError, 'not JSON');
  t.throws(() => parseScenarioLine('[]'), ScenarioFormatError, 'not an object');
  t.throws(() => parseScenarioLine(variant({ label: { part: 'attack', attack: 'x' } })), ScenarioFormatError, 'attack without technique');
  t.throws(() => parseScenarioLine(variant({ label: { part: 'attack', attack: 'Bad Id', technique: 'T1059' } })), ScenarioFormatError);
  t.throws(() => parseScenarioLine(variant({ label: { part: 'attack', attack: 'x', technique: 'execution' } })), ScenarioFormatError);
  t.throws(() => parseScenarioLine(variant({ label: { part: 'normal', attack: 'x' } })), ScenarioFormatError);
  t.throws(() => parseScenarioLine(variant({ label: { part: 'benign' } })), ScenarioFormatError);
  t.throws(() => parseScenarioLine(variant({ label: undefined })), ScenarioFormatError, 'no label');
  t.throws(() => parseScenarioLine(variant({ time: '2026-11-16 00:00:00' })), ScenarioFormatError);
  t.throws(() => parseScenarioLine(variant({ container_start: '2026-11-16 00:00:00' })), ScenarioFormatError, 'container_start not RFC 3339');
  t.throws(() => parseScenarioLine(variant({ container_start: 1794787200000000000 })), ScenarioFormatError, 'container_start as a number');
  t.equal(parseScenarioLine(variant({ container_start: null })).observation.containerStartNs, null, 'container_start null: unknown');
  t.throws(() => parseScenarioLine(variant({ priority: 'loud' })), ScenarioFormatError);
  t.throws(() => parseScenarioLine(variant({ type: 'file' })), ScenarioFormatError);
  t.throws(() => parseScenarioLine(variant({ workload: { cluster: 'prod', namespace: 'x', kind: 'Fleet', name: 'y' } })), ScenarioFormatError);
  t.throws(() => parseScenarioLine(variant({ pod: 5 })), ScenarioFormatError);
  t.throws(() => observationFromJson({ ...parsed, network: parsed.process }), ScenarioFormatError, 'both process and network');
  const net = raw.find((j) => j.type === 'network') ?? {};
  t.throws(() => observationFromJson({ ...net, network: { ...(net.network as object), direction: 'sideways' } }), ScenarioFormatError);
  t.throws(() => observationFromJson({ ...net, network: { ...(net.network as object), port: '80' } }), ScenarioFormatError);
  t.same(parseLabel({ part: 'normal' }), { part: 'normal' });
  t.equal(dayOf(SCENARIO_START_NS - 1n), 0);
  t.equal(dayOf(LEARNING_END_NS - 1n), 1);
  t.equal(dayOf(LEARNING_END_NS), 2);
  t.equal(dayOf(SCENARIO_END_NS), 8);
});

t.test('the committed file is what the generator writes', async (t) => {
  const res = spawnSync(process.execPath, [join(SCENARIO_DIR, 'generate.mjs'), '--check'], { encoding: 'utf8' });
  t.equal(res.status, 0, `generate.mjs --check: ${res.stderr}`);
});
