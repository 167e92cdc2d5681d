#!/usr/bin/env node
// Deterministic generator for the Falco event corpora in test/corpus/.
//
//   node test/corpus/generate.mjs          write *.jsonl and expected.json
//   node test/corpus/generate.mjs --check  regenerate in memory, exit 1 if a
//                                          file on disk differs
//
// Each line of a .jsonl file is one event exactly as Falco's `json_output`
// posts it through `http_output`: compact JSON, keys in byte order (Falco
// builds it with nlohmann::json, whose objects are std::map), typed
// output_fields, `evt.time` an exact 19-digit integer of nanoseconds. The
// `output` text is rendered from the rule outputs in rules/falco/, and the
// generator refuses to run if those outputs no longer name exactly the fields
// listed below. No dependencies; the only randomness is a seeded PRNG.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const RULES_FILES = [
  join(ROOT, 'rules', 'falco', 'vigil_rules.yaml'),
  join(ROOT, 'rules', 'falco', 'vigil_rules_legacy.yaml'),
];

// ---------------------------------------------------------------------------
// The contract with the agent: rule names and output_fields keys.

export const RULE_EXEC = 'Vigil process exec';
export const RULE_CONNECT = 'Vigil outbound connect';
export const RULE_ACCEPT = 'Vigil inbound accept';

export const COMMON_FIELDS = [
  'evt.type', 'evt.time', 'evt.res',
  'container.id', 'container.start_ts', 'container.name', 'container.image.repository',
  'container.image.tag', 'container.image.digest',
  'k8s.ns.name', 'k8s.pod.name', 'k8s.pod.uid',
  'k8s.pod.label[pod-template-hash]',
  'k8s.pod.label[statefulset.kubernetes.io/pod-name]',
  'k8s.pod.label[controller-revision-hash]',
  'k8s.pod.label[pod-template-generation]',
  'k8s.pod.label[job-name]',
  'proc.exepath', 'proc.name', 'proc.cmdline', 'proc.pexepath', 'proc.pname',
  'proc.pid', 'user.name', 'user.uid', 'proc.is_exe_upper_layer',
];
export const NETWORK_FIELDS = ['fd.l4proto', 'fd.rip', 'fd.rport', 'fd.lip', 'fd.lport', 'fd.sip.name'];

const FIELDS_BY_RULE = {
  [RULE_EXEC]: COMMON_FIELDS,
  [RULE_CONNECT]: [...COMMON_FIELDS, ...NETWORK_FIELDS],
  [RULE_ACCEPT]: [...COMMON_FIELDS, ...NETWORK_FIELDS],
};

const FIELD_TOKEN = /%([A-Za-z0-9_.]+(?:\[[^\]]*\])?)/g;

// Reads the folded (`>-`) output of each Vigil rule from a rules file. Only the
// small subset of YAML used by our own files is understood.
function readRuleOutputs(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const outputs = {};
  let rule = null;
  for (let i = 0; i < lines.length; i++) {
    const m = /^- rule: (.+)$/.exec(lines[i]);
    if (m) { rule = m[1].trim(); continue; }
    if (rule && /^ {2}output: >-\s*$/.test(lines[i])) {
      const parts = [];
      for (i++; i < lines.length && /^ {4}\S/.test(lines[i]); i++) parts.push(lines[i].trim());
      i--;
      outputs[rule] = parts.join(' ');
      rule = null;
    }
  }
  return outputs;
}

function loadTemplates() {
  let first = null;
  for (const path of RULES_FILES) {
    const outputs = readRuleOutputs(path);
    for (const [rule, fields] of Object.entries(FIELDS_BY_RULE)) {
      const out = outputs[rule];
      if (!out) throw new Error(`${path}: no output for rule "${rule}"`);
      const tokens = [...out.matchAll(FIELD_TOKEN)].map((t) => t[1]);
      const want = [...fields].sort();
      const got = [...new Set(tokens)].sort();
      if (tokens.length !== got.length || JSON.stringify(want) !== JSON.stringify(got)) {
        throw new Error(`${path}: rule "${rule}" output fields differ from the contract\n want ${want.join(' ')}\n got  ${tokens.join(' ')}`);
      }
    }
    if (first && JSON.stringify(first) !== JSON.stringify(pick(outputs))) {
      throw new Error(`${path}: rule outputs differ from ${RULES_FILES[0]}`);
    }
    first = pick(outputs);
  }
  return first;
  function pick(o) { return { [RULE_EXEC]: o[RULE_EXEC], [RULE_CONNECT]: o[RULE_CONNECT], [RULE_ACCEPT]: o[RULE_ACCEPT] }; }
}

// ---------------------------------------------------------------------------
// JSON exactly as Falco writes it.

class RawNumber {
  constructor(digits) {
    if (!/^-?\d+(\.\d+)?$/.test(digits)) throw new Error(`not a number literal: ${digits}`);
    this.digits = digits;
  }
}
const raw = (d) => new RawNumber(d);

const byteOrder = (a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b)));

function toJson(v) {
  if (v === null) return 'null';
  if (v instanceof RawNumber) return v.digits;
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(v)) throw new Error(`unsafe number ${v}; use RawNumber`);
      return String(v);
    case 'object':
      if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
      return `{${Object.keys(v).sort(byteOrder).map((k) => `${JSON.stringify(k)}:${toJson(v[k])}`).join(',')}}`;
    default: throw new Error(`cannot serialize ${typeof v}`);
  }
}

// ---------------------------------------------------------------------------
// Time: BigInt nanoseconds, never a JS Number for the full value.

const NS = 1_000_000_000n;
function isoNs(ns) {
  const sec = ns / NS;
  const frac = (ns % NS).toString().padStart(9, '0');
  return `${new Date(Number(sec) * 1000).toISOString().slice(0, 19)}.${frac}Z`;
}
function clockText(ns) { return isoNs(ns).slice(11, 29); } // HH:MM:SS.nnnnnnnnn (UTC)
function nsFromIso(iso) {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{9})Z$/.exec(iso);
  if (!m) throw new Error(`bad time ${iso}`);
  return BigInt(Date.parse(`${m[1]}Z`) / 1000) * NS + BigInt(m[2]);
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

// ---------------------------------------------------------------------------
// Cluster model.

const NODES = {
  n1: { name: 'ip-10-0-1-23.ec2.internal', ip: '10.0.1.23' },
  n2: { name: 'ip-10-0-2-41.ec2.internal', ip: '10.0.2.41' },
  n3: { name: 'ip-10-0-3-77.ec2.internal', ip: '10.0.3.77' },
  build: { name: 'ip-10-0-4-12.ec2.internal', ip: '10.0.4.12' },
};

const DNS_SVC = '10.96.0.10';
const KUBE_API_SVC = '10.96.0.1';
const CATALOG_SVC = '10.96.12.40';
const DB_SVC = '10.96.44.10';
const KAFKA_SVC = '10.96.30.5';
const ES_SVC = '10.96.40.2';
const REDIS_SVC = '10.96.60.3';
const WAREHOUSE_SVC = '10.96.50.7';
const ISTIOD_SVC = '10.96.5.12';
const INGRESS_PODS = ['10.244.3.5', '10.244.1.8'];
const PROMETHEUS_POD = '10.244.3.9';
const KAFKA_PODS = { 'kafka-0': '10.244.1.30', 'kafka-1': '10.244.2.40', 'kafka-2': '10.244.3.25' };
const DB_PODS = { 'db-0': '10.244.1.17', 'db-1': '10.244.2.22' };
const ORDERS_PODS = ['10.244.1.21', '10.244.3.15'];
const API_POD_IP = '10.244.3.12';
const STRIPE_IP = '52.94.236.248';
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

const SHIM = { exe: '/usr/bin/containerd-shim-runc-v2', name: 'containerd-shim' };
const RUNC = { exe: '/usr/bin/runc', name: 'runc' };

const LABEL_KEYS = {
  pth: 'k8s.pod.label[pod-template-hash]',
  sts: 'k8s.pod.label[statefulset.kubernetes.io/pod-name]',
  crh: 'k8s.pod.label[controller-revision-hash]',
  ptg: 'k8s.pod.label[pod-template-generation]',
  job: 'k8s.pod.label[job-name]',
};

// ---------------------------------------------------------------------------
// One corpus file.

class Scenario {
  constructor(file, startIso) {
    this.file = file;
    this.rng = makeRng(seedOf(file));
    this.now = nsFromIso(startIso);
    this.events = [];
    // Container start times draw from their own PRNG so that they do not shift the
    // main sequence (and with it every other value of the file).
    this.bootRng = makeRng(seedOf(`${file}#container.start_ts`));
    this.stats = {
      events: 0, byRule: {}, process: 0, outbound: 0, inbound: 0, host: 0,
      internal: 0, otherSource: 0, otherRule: 0, failedExec: 0, neverAttributed: 0,
    };
    this.workloads = new Set();
    this.pids = {};
    this.ports = {};
  }

  // --- randomness -----------------------------------------------------------
  int(lo, hi) { return lo + Math.floor(this.rng() * (hi - lo + 1)); }
  pick(list) { return list[Math.floor(this.rng() * list.length)]; }
  chance(p) { return this.rng() < p; }
  hex(n) { let s = ''; for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)]; return s; }
  uuid() { return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[this.int(0, 3)]}${this.hex(3)}-${this.hex(12)}`; }
  digest() { return `sha256:${this.hex(64)}`; }

  // Advances the clock by ms milliseconds (a range picks at random) plus a
  // random sub-millisecond part, so every event has a distinct nanosecond time.
  tick(lo = 1, hi = lo) {
    const ms = this.int(lo, hi);
    this.now += BigInt(ms) * 1_000_000n + BigInt(this.int(1, 999_999));
    return this.now;
  }

  pid(node) {
    const cur = this.pids[node] ?? (this.pids[node] = this.int(90_000, 400_000));
    this.pids[node] = cur + this.int(1, 37);
    return this.pids[node];
  }
  ephemeralPort(ip) {
    const cur = this.ports[ip] ?? (this.ports[ip] = this.int(33_000, 52_000));
    this.ports[ip] = cur + this.int(1, 97);
    if (this.ports[ip] > 60_999) this.ports[ip] = 32_768 + this.int(0, 500);
    return this.ports[ip];
  }

  // --- identities -----------------------------------------------------------
  // A container as Falco's container plugin describes it. `workload` is the
  // generator's own knowledge of its owner (not derived from the event).
  container(o) {
    const c = {
      id: o.id ?? this.hex(12),
      name: o.name,
      repo: o.repo,
      tag: o.tag,
      digest: o.digest === undefined ? this.digest() : o.digest,
      ns: o.ns ?? null,
      pod: o.pod ?? null,
      uid: o.pod ? (o.uid ?? this.uuid()) : null,
      labels: o.labels ?? {},
      node: o.node,
      ip: o.ip ?? null,
      workload: o.workload ?? null,
      never: o.never ?? false,
      lagging: false,
      // container.start_ts, set at the container's first event (see startOf). A holder
      // object, so that the lagging copy of a container shares its start time.
      boot: { ns: null },
    };
    for (const k of Object.keys(c.labels)) if (!(k in LABEL_KEYS)) throw new Error(`unknown label ${k}`);
    return c;
  }
  host(node) {
    return {
      id: 'host', name: 'host', repo: null, tag: null, digest: null, ns: null, pod: null, uid: null,
      labels: {}, node, ip: NODES[node].ip, workload: null, never: false, lagging: false, isHost: true,
      boot: null,
    };
  }
  // The container kubelet starts in the same pod after `c` exited (a restart): same pod,
  // image and labels, a new container id and a new start time.
  restart(c) {
    return this.container({ ...c, id: undefined });
  }
  // The same container before Falco's async metadata lookup has answered.
  lagging(c) { return { ...c, lagging: true }; }

  // A process already running (no exec event), e.g. a parent.
  proc(c, o) {
    return {
      c, pid: o.pid ?? this.pid(c.node), exe: o.exe, name: o.name,
      cmdline: o.args ? `${o.name} ${o.args}` : o.name,
      pexe: o.pexe ?? null, pname: o.pname ?? null,
      user: o.user === undefined ? 'root' : o.user, uid: o.uid ?? 0, upper: o.upper ?? false,
    };
  }
  // fork + exec by `parent` (or by containerd-shim / runc when parent is a
  // plain {exe,name} pair); emits the exec event and returns the new process.
  spawn(parent, c, o, when) {
    const p = this.proc(c, {
      ...o,
      pexe: parent.exe, pname: parent.name,
      user: o.user === undefined ? (parent.user === undefined ? 'root' : parent.user) : o.user,
      uid: o.uid ?? parent.uid ?? 0,
    });
    this.exec(p, when);
    return p;
  }
  // exec without fork (`exec "$@"`, env -> bash, gosu): same pid and parent.
  reexec(p, o, when) {
    const q = this.proc(p.c, {
      ...o, pid: p.pid, pexe: p.pexe, pname: p.pname,
      user: o.user === undefined ? p.user : o.user, uid: o.uid ?? p.uid,
    });
    this.exec(q, when);
    return q;
  }
  // A fork without exec (nginx worker, gunicorn worker, postgres backend).
  fork(parent, o = {}) {
    return this.proc(parent.c, {
      exe: parent.exe, name: parent.name, args: parent.cmdline.slice(parent.name.length + 1) || undefined,
      pexe: parent.exe, pname: parent.name, user: o.user ?? parent.user, uid: o.uid ?? parent.uid,
    });
  }

  // container.start_ts: the start of the container's PID namespace init (runc's init process,
  // which then execs the entrypoint). It comes from the kernel, not from the runtime lookup,
  // so a lagging container has it too. A container's first event is its entrypoint's exec:
  // the init started 20-300 ms before that (runc create, then start). Host processes: null.
  startOf(c) {
    if (c.boot === null) return null;
    if (c.boot.ns === null) {
      const back = BigInt(20 + Math.floor(this.bootRng() * 281)) * 1_000_000n + BigInt(Math.floor(this.bootRng() * 1_000_000));
      c.boot.ns = this.now - back;
    }
    return raw(c.boot.ns.toString());
  }

  // --- syscall events -------------------------------------------------------
  fieldsFor(p, evtType, res) {
    const c = p.c;
    const meta = !c.lagging;
    const label = (k) => (meta ? (c.labels[k] ?? null) : null);
    return {
      'evt.type': evtType,
      'evt.time': raw(this.now.toString()),
      'evt.res': res,
      'container.id': c.id,
      'container.start_ts': this.startOf(c),
      'container.name': meta ? c.name : null,
      'container.image.repository': meta ? c.repo : null,
      'container.image.tag': meta ? c.tag : null,
      'container.image.digest': meta ? c.digest : null,
      'k8s.ns.name': meta ? c.ns : null,
      'k8s.pod.name': meta ? c.pod : null,
      'k8s.pod.uid': meta ? c.uid : null,
      [LABEL_KEYS.pth]: label('pth'),
      [LABEL_KEYS.sts]: label('sts'),
      [LABEL_KEYS.crh]: label('crh'),
      [LABEL_KEYS.ptg]: label('ptg'),
      [LABEL_KEYS.job]: label('job'),
      'proc.exepath': p.exe,
      'proc.name': p.name,
      'proc.cmdline': p.cmdline,
      'proc.pexepath': p.pexe,
      'proc.pname': p.pname,
      'proc.pid': p.pid,
      'user.name': p.user,
      'user.uid': p.uid,
      'proc.is_exe_upper_layer': p.upper,
    };
  }

  exec(p, when = [5, 400], res = 'SUCCESS') {
    this.tick(...when);
    this.vigil(RULE_EXEC, p, this.fieldsFor(p, 'execve', res));
  }
  // A failed execve: the kernel never replaced the caller, so proc.* are the
  // caller's. Only an old rules file without `evt.res = SUCCESS` lets it through.
  failedExec(caller, res = 'ENOENT', when = [0, 2]) {
    this.tick(...when);
    this.vigil(RULE_EXEC, caller, this.fieldsFor(caller, 'execve', res));
  }
  connect(p, o, when = [20, 2000]) {
    this.tick(...when);
    const lip = o.lip ?? p.c.ip;
    const f = this.fieldsFor(p, 'connect', o.res ?? 'SUCCESS');
    Object.assign(f, {
      'fd.l4proto': o.proto ?? 'tcp', 'fd.rip': o.ip, 'fd.rport': o.port,
      'fd.lip': lip, 'fd.lport': o.lport ?? this.ephemeralPort(lip), 'fd.sip.name': o.name ?? null,
    });
    this.vigil(RULE_CONNECT, p, f);
  }
  accept(p, o, when = [20, 2000]) {
    this.tick(...when);
    const f = this.fieldsFor(p, o.type ?? 'accept4', 'SUCCESS');
    Object.assign(f, {
      'fd.l4proto': 'tcp', 'fd.rip': o.ip, 'fd.rport': o.rport ?? this.int(32_768, 60_999),
      'fd.lip': o.lip ?? p.c.ip, 'fd.lport': o.port, 'fd.sip.name': null,
    });
    this.vigil(RULE_ACCEPT, p, f);
  }
  dns(p, when) { this.connect(p, { proto: 'udp', ip: DNS_SVC, port: 53 }, when); }

  vigil(rule, p, fields) {
    const c = p.c;
    const message = renderOutput(TEMPLATES[rule], fields);
    this.push({
      hostname: NODES[c.node].name,
      output: `${clockText(this.now)}: Informational ${message}`,
      output_fields: fields,
      priority: 'Informational',
      rule,
      source: 'syscall',
      tags: rule === RULE_EXEC ? ['process', 'vigil'] : ['network', 'vigil'],
      time: isoNs(this.now),
    });
    const s = this.stats;
    if (rule === RULE_EXEC) {
      if (fields['evt.res'] === 'SUCCESS') s.process++; else s.failedExec++;
    } else if (rule === RULE_CONNECT) s.outbound++;
    else s.inbound++;
    if (c.isHost) s.host++;
    else if (c.never) s.neverAttributed++;
    else if (c.workload) this.workloads.add(c.workload);
    else throw new Error(`${this.file}: container ${c.id} has no workload`);
  }

  // --- non-Vigil events -----------------------------------------------------
  // A stock Falco rule on the syscall source (rule_matching: all lets these
  // through alongside the Vigil rules; the agent must ignore them).
  stockRule(node, rule, priority, tags, message, fields, when = [100, 5000]) {
    this.tick(...when);
    const f = { ...fields, 'evt.time': raw(this.now.toString()) };
    this.push({
      hostname: NODES[node].name, output: `${clockText(this.now)}: ${priority} ${message(f)}`,
      output_fields: f, priority, rule, source: 'syscall', tags: [...tags].sort(byteOrder), time: isoNs(this.now),
    });
    this.stats.otherRule++;
  }
  // Falco's own messages: no tags key, output without the time prefix.
  // `fields` may be a function of the event time (ns, BigInt).
  internal(node, rule, priority, message, fields, when = [1000, 60_000]) {
    this.tick(...when);
    const f = typeof fields === 'function' ? fields(this.now) : fields;
    this.push({
      hostname: NODES[node].name, output: message, output_fields: f, priority, rule,
      source: 'internal', time: isoNs(this.now),
    });
    this.stats.internal++;
  }
  // A plugin source (k8s_audit, aws_cloudtrail, ...).
  plugin(node, source, rule, priority, tags, message, fields, when = [500, 30_000]) {
    this.tick(...when);
    const f = { ...fields, 'evt.time': raw(this.now.toString()) };
    this.push({
      hostname: NODES[node].name, output: `${clockText(this.now)}: ${priority} ${message(f)}`,
      output_fields: f, priority, rule, source, tags: [...tags].sort(byteOrder), time: isoNs(this.now),
    });
    this.stats.otherSource++;
  }

  push(event) {
    const last = this.events.at(-1);
    if (last && nsFromIso(last.time) >= nsFromIso(event.time)) throw new Error(`${this.file}: time went backwards`);
    this.events.push(event);
    this.stats.events++;
    this.stats.byRule[event.rule] = (this.stats.byRule[event.rule] ?? 0) + 1;
  }

  // Merges several scripted timelines (generator functions that yield after
  // each event) in a random but reproducible order.
  interleave(...flows) {
    const live = flows.map((f) => f[Symbol.iterator] ? f : f());
    while (live.length) {
      const i = this.int(0, live.length - 1);
      if (live[i].next().done) live.splice(i, 1);
    }
  }

  result() {
    const s = this.stats;
    if (s.events < 40 || s.events > 400) throw new Error(`${this.file}: ${s.events} events, want 40..400`);
    for (const e of this.events) {
      const t = e.output_fields['evt.time'];
      if (t && (!(t instanceof RawNumber) || t.digits.length !== 19 || BigInt(t.digits) !== nsFromIso(e.time))) {
        throw new Error(`${this.file}: evt.time does not match time`);
      }
    }
    return {
      text: this.events.map((e) => `${toJson(e)}\n`).join(''),
      expected: {
        events: s.events,
        byRule: Object.fromEntries(Object.entries(s.byRule).sort(([a], [b]) => byteOrder(a, b))),
        process: s.process, outbound: s.outbound, inbound: s.inbound, host: s.host,
        internal: s.internal, otherSource: s.otherSource, otherRule: s.otherRule,
        failedExec: s.failedExec, neverAttributed: s.neverAttributed,
        workloads: [...this.workloads].sort(byteOrder),
      },
    };
  }
}

function renderValue(v) {
  if (v === null || v === undefined) return '<NA>';
  if (v instanceof RawNumber) return v.digits;
  return String(v);
}
function renderOutput(template, fields) {
  return template.replace(FIELD_TOKEN, (_, key) => {
    if (!(key in fields)) throw new Error(`template field ${key} has no value`);
    // %evt.time renders as the time of day in text output.
    if (key === 'evt.time') return clockText(BigInt(fields[key].digits));
    return renderValue(fields[key]);
  });
}

const TEMPLATES = loadTemplates();

// ---------------------------------------------------------------------------
// Scenarios.

function nginx() {
  const s = new Scenario('nginx.jsonl', '2026-11-20T09:00:00.123456789Z');
  const digest = s.digest();
  const pods = [
    { id: '3f9a1c7e5b20', pod: 'web-7d9c8b6f5-x2k4p', node: 'n1', ip: '10.244.1.14' },
    { id: '8b2d6f0a4c91', pod: 'web-7d9c8b6f5-r8m3n', node: 'n2', ip: '10.244.2.31' },
  ].map((p) => s.container({
    id: p.id, name: 'nginx', repo: 'docker.io/library/nginx', tag: '1.27.3', digest, ns: 'shop', pod: p.pod,
    labels: { pth: '7d9c8b6f5' }, node: p.node, ip: p.ip, workload: 'shop/Deployment/web/nginx',
  }));
  const masters = [];
  const workers = [];

  for (const c of pods) {
    // /docker-entrypoint.sh is a /bin/sh script: the kernel runs dash, comm is
    // the script name cut to 15 characters, argv gains the script path.
    const ep = s.spawn(SHIM, c, { exe: '/usr/bin/dash', name: 'docker-entrypoi', args: '/docker-entrypoint.sh nginx -g daemon off;' }, [200, 900]);
    s.spawn(ep, c, { exe: '/usr/bin/find', name: 'find', args: '/docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f -print -quit' });
    s.spawn(ep, c, { exe: '/usr/bin/find', name: 'find', args: '/docker-entrypoint.d/ -follow -type f -print' });
    s.spawn(ep, c, { exe: '/usr/bin/sort', name: 'sort', args: '-V' }, [0, 3]);
    const v6 = s.spawn(ep, c, { exe: '/usr/bin/dash', name: '10-listen-on-ip', args: '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh' });
    s.spawn(v6, c, { exe: '/usr/bin/touch', name: 'touch', args: '/etc/nginx/conf.d/default.conf' });
    s.spawn(v6, c, { exe: '/usr/bin/dpkg-query', name: 'dpkg-query', args: '--show --showformat=${Conffiles}\\n nginx' });
    s.spawn(v6, c, { exe: '/usr/bin/grep', name: 'grep', args: 'etc/nginx/conf.d/default.conf' }, [0, 3]);
    s.spawn(v6, c, { exe: '/usr/bin/cut', name: 'cut', args: '-d   -f 3' }, [0, 3]);
    s.spawn(v6, c, { exe: '/usr/bin/md5sum', name: 'md5sum', args: '-c -' });
    s.spawn(v6, c, { exe: '/usr/bin/sed', name: 'sed', args: '-i -E s,listen       80;,listen       80;\\n    listen  [::]:80;, /etc/nginx/conf.d/default.conf' });
    // 15-local-resolvers.envsh is sourced by the entrypoint: only its awk runs.
    s.spawn(ep, c, { exe: '/usr/bin/mawk', name: 'awk', args: 'BEGIN{ORS=" "} $1=="nameserver" {print ($2 ~ ":")? "["$2"]": $2}' });
    const tpl = s.spawn(ep, c, { exe: '/usr/bin/dash', name: '20-envsubst-on-', args: '/docker-entrypoint.d/20-envsubst-on-templates.sh' });
    s.spawn(tpl, c, { exe: '/usr/bin/mawk', name: 'awk', args: 'END { for (name in ENVIRON) { print ( name ~ /.*/ ) ? name : "" } }' });
    s.spawn(tpl, c, { exe: '/usr/bin/find', name: 'find', args: '/etc/nginx/templates -follow -type f -name *.template -print' });
    s.spawn(tpl, c, { exe: '/usr/bin/basename', name: 'basename', args: '/etc/nginx/templates/default.conf.template .template' });
    s.spawn(tpl, c, { exe: '/usr/bin/mkdir', name: 'mkdir', args: '-p /etc/nginx/conf.d/' });
    s.spawn(tpl, c, { exe: '/usr/bin/envsubst', name: 'envsubst', args: '${CATALOG_UPSTREAM} ${HOME} ${HOSTNAME} ${NGINX_PORT} ${NGINX_VERSION} ${PATH} ${PKG_RELEASE}' });
    s.spawn(ep, c, { exe: '/usr/bin/dash', name: '30-tune-worker-', args: '/docker-entrypoint.d/30-tune-worker-processes.sh' });
    const master = s.reexec(ep, { exe: '/usr/sbin/nginx', name: 'nginx', args: '-g daemon off;' });
    // Upstream name resolved while parsing the config (glibc: connected UDP).
    s.dns(master, [2, 10]);
    s.dns(master, [0, 2]);
    masters.push(master);
    workers.push([0, 1].map(() => s.fork(master, { user: 'nginx', uid: 101 })));
    s.tick(1500, 4000);
  }

  const traffic = (i) => function* () {
    const c = pods[i];
    for (let n = 0; n < 38; n++) {
      const w = s.pick(workers[i]);
      const r = s.rng();
      if (r < 0.45) {
        s.accept(w, { ip: s.pick(INGRESS_PODS), port: 80 }, [30, 900]);
      } else if (r < 0.85) {
        // nginx connects non-blocking: EINPROGRESS is the usual result.
        s.connect(w, { ip: CATALOG_SVC, port: 8080, res: s.chance(0.9) ? 'EINPROGRESS' : 'SUCCESS' }, [1, 40]);
      } else if (r < 0.93) {
        s.accept(w, { ip: NODES[c.node].ip, port: 80 }, [50, 3000]); // kubelet httpGet probe
      } else {
        s.dns(w, [1, 30]); // `resolver` re-resolution
      }
      yield;
    }
  };
  s.interleave(traffic(0), traffic(1));
  return s;
}

function postgres() {
  const s = new Scenario('postgres.jsonl', '2026-11-20T09:05:12.480113207Z');
  const digest = s.digest();
  const mk = (pod, node) => s.container({
    name: 'postgres', repo: 'docker.io/library/postgres', tag: '17.2', digest, ns: 'shop', pod,
    labels: { sts: pod, crh: 'db-5c7d8f9b44' }, node, ip: DB_PODS[pod], workload: 'shop/StatefulSet/db/postgres',
  });
  const db0 = mk('db-0', 'n1');
  const db1 = mk('db-1', 'n2');
  const PG = '/usr/lib/postgresql/17/bin';
  const pgUser = { user: 'postgres', uid: 999 };

  // docker-entrypoint.sh: `#!/usr/bin/env bash`, root -> gosu -> postgres.
  function entrypoint(c, init) {
    const env = s.spawn(SHIM, c, { exe: '/usr/bin/env', name: 'docker-entrypoi', args: 'bash /usr/local/bin/docker-entrypoint.sh postgres' }, [300, 1200]);
    const bash = s.reexec(env, { exe: '/usr/bin/bash', name: 'bash', args: '/usr/local/bin/docker-entrypoint.sh postgres' }, [0, 2]);
    s.spawn(bash, c, { exe: '/usr/bin/id', name: 'id', args: '-u' });
    s.spawn(bash, c, { exe: '/usr/bin/mkdir', name: 'mkdir', args: '-p /var/lib/postgresql/data' });
    s.spawn(bash, c, { exe: '/usr/bin/chmod', name: 'chmod', args: '00700 /var/lib/postgresql/data' });
    s.spawn(bash, c, { exe: '/usr/bin/find', name: 'find', args: '/var/lib/postgresql/data ! -user postgres -exec chown postgres {} +' });
    s.spawn(bash, c, { exe: '/usr/bin/find', name: 'find', args: '/var/run/postgresql ! -user postgres -exec chown postgres {} +' });
    const gosu = s.reexec(bash, { exe: '/usr/local/bin/gosu', name: 'gosu', args: 'postgres /usr/local/bin/docker-entrypoint.sh postgres' });
    const env2 = s.reexec(gosu, { exe: '/usr/bin/env', name: 'docker-entrypoi', args: 'bash /usr/local/bin/docker-entrypoint.sh postgres', ...pgUser }, [0, 3]);
    const bash2 = s.reexec(env2, { exe: '/usr/bin/bash', name: 'bash', args: '/usr/local/bin/docker-entrypoint.sh postgres' }, [0, 2]);
    s.spawn(bash2, c, { exe: '/usr/bin/id', name: 'id', args: '-u' });
    if (init) {
      const initdb = s.spawn(bash2, c, { exe: `${PG}/initdb`, name: 'initdb', args: '--username=postgres --pwfile=/dev/fd/63' }, [20, 80]);
      s.spawn(initdb, c, { exe: `${PG}/postgres`, name: 'postgres', args: '-V' });
      for (const args of [
        '--check -F -c log_checkpoints=false -c max_connections=100 -c autovacuum_worker_slots=16 -c shared_buffers=1000 -c dynamic_shared_memory_type=posix',
        '--boot -F -c log_checkpoints=false -X 1048576 -k',
        '--single -F -O -j -c search_path=pg_catalog -c exit_on_error=true -c log_checkpoints=false template1',
      ]) {
        const sh = s.spawn(initdb, c, { exe: '/usr/bin/dash', name: 'sh', args: `-c "${PG}/postgres" ${args}` }, [30, 600]);
        s.reexec(sh, { exe: `${PG}/postgres`, name: 'postgres', args }, [0, 2]);
      }
      const pgctl = s.spawn(bash2, c, { exe: `${PG}/pg_ctl`, name: 'pg_ctl', args: "-D /var/lib/postgresql/data -o -c listen_addresses='' -p 5432 -w start" }, [200, 900]);
      const sh = s.spawn(pgctl, c, { exe: '/usr/bin/dash', name: 'sh', args: `-c exec "${PG}/postgres" -c listen_addresses='' -p 5432 < "/dev/null" 2>&1` });
      s.reexec(sh, { exe: `${PG}/postgres`, name: 'postgres', args: "-c listen_addresses= -p 5432" }, [0, 2]);
      s.spawn(bash2, c, { exe: '/usr/bin/psql', name: 'psql', args: '-v ON_ERROR_STOP=1 --username postgres --no-password --no-psqlrc --dbname postgres' }, [100, 400]);
      s.spawn(bash2, c, { exe: `${PG}/pg_ctl`, name: 'pg_ctl', args: '-D /var/lib/postgresql/data -m fast -w stop' }, [50, 300]);
    }
    return s.reexec(bash2, { exe: `${PG}/postgres`, name: 'postgres' }, [100, 600]);
  }

  const pm0 = entrypoint(db0, true);
  s.tick(3000, 9000);
  const pm1 = entrypoint(db1, false);
  // Streaming replication: db-1's walreceiver (a postmaster child) connects
  // to db-0 (libpq, non-blocking) after resolving the headless service.
  const walrcv = s.fork(pm1);
  s.dns(walrcv, [200, 800]);
  s.connect(walrcv, { ip: DB_PODS['db-0'], port: 5432, res: 'EINPROGRESS' }, [1, 5]);
  s.accept(pm0, { ip: DB_PODS['db-1'], port: 5432, type: 'accept' }, [0, 3]);

  const probes = (c) => function* () {
    for (let n = 0; n < 9; n++) {
      s.tick(4000, 6000);
      if (n % 2 === 0) {
        // readinessProbe: exec ["pg_isready", "-U", "postgres"] (unix socket).
        s.spawn(RUNC, c, { exe: `${PG}/pg_isready`, name: 'pg_isready', args: '-U postgres' }, [0, 50]);
      } else {
        // livenessProbe: exec ["/bin/sh", "-c", "pg_isready -U postgres -d app"].
        const sh = s.spawn(RUNC, c, { exe: '/usr/bin/dash', name: 'sh', args: '-c pg_isready -U postgres -d app' }, [0, 50]);
        s.spawn(sh, c, { exe: `${PG}/pg_isready`, name: 'pg_isready', args: '-U postgres -d app' }, [1, 4]);
      }
      yield;
    }
  };
  const clients = function* () {
    for (let n = 0; n < 34; n++) {
      const primary = s.chance(0.8);
      s.accept(primary ? pm0 : pm1, { ip: s.pick([...ORDERS_PODS, API_POD_IP]), port: 5432, type: 'accept' }, [100, 4000]);
      yield;
    }
  };
  s.interleave(probes(db0), probes(db1), clients);
  return s;
}

function java() {
  const s = new Scenario('java.jsonl', '2026-11-20T09:10:41.907215663Z');
  const appDigest = s.digest();
  const proxyDigest = s.digest();
  const pods = [
    { pod: 'orders-5f6b8d9c7-m2x7q', node: 'n1', ip: ORDERS_PODS[0] },
    { pod: 'orders-5f6b8d9c7-t9k4w', node: 'n3', ip: ORDERS_PODS[1] },
  ].map((p) => {
    const uid = s.uuid();
    const base = { ns: 'shop', pod: p.pod, uid, labels: { pth: '5f6b8d9c7' }, node: p.node, ip: p.ip };
    return {
      app: s.container({ ...base, name: 'app', repo: `${ECR}/shop/orders`, tag: '4.3.1', digest: appDigest, workload: 'shop/Deployment/orders/app' }),
      proxy: s.container({ ...base, name: 'istio-proxy', repo: 'docker.io/istio/proxyv2', tag: '1.24.2', digest: proxyDigest, workload: 'shop/Deployment/orders/istio-proxy' }),
    };
  });
  const brokers = Object.values(KAFKA_PODS);
  const procs = [];

  for (const { app, proxy } of pods) {
    const istio = { user: 'istio-proxy', uid: 1337 };
    const agent = s.spawn(SHIM, proxy, { exe: '/usr/local/bin/pilot-agent', name: 'pilot-agent', args: 'proxy sidecar --domain shop.svc.cluster.local --proxyLogLevel=warning --proxyComponentLogLevel=misc:error --log_output_level=default:info', ...istio }, [200, 800]);
    s.dns(agent, [5, 40]);
    s.connect(agent, { ip: ISTIOD_SVC, port: 15012, res: 'EINPROGRESS' }, [1, 10]);
    const envoy = s.spawn(agent, proxy, { exe: '/usr/local/bin/envoy', name: 'envoy', args: '-c etc/istio/proxy/envoy-rev.json --drain-time-s 45 --drain-strategy immediate --local-address-ip-version v4 --file-flush-interval-msec 1000 --disable-hot-restart --allow-unknown-static-fields -l warning --component-log-level misc:error --concurrency 2' }, [100, 600]);
    s.connect(agent, { ip: ISTIOD_SVC, port: 15012, res: 'EINPROGRESS' }, [50, 300]);
    // Java image entrypoint: sh -c 'exec java $JAVA_OPTS -jar /app/orders.jar'.
    // UID 10001 has no /etc/passwd entry in the image: user.name is null.
    const appUser = { user: null, uid: 10001 };
    const sh = s.spawn(SHIM, app, { exe: '/usr/bin/dash', name: 'sh', args: '-c exec java $JAVA_OPTS -jar /app/orders.jar', ...appUser }, [300, 1500]);
    const jvm = s.reexec(sh, { exe: '/opt/java/openjdk/bin/java', name: 'java', args: '-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -jar /app/orders.jar' }, [0, 3]);
    procs.push({ app, proxy, agent, envoy, jvm });
    s.tick(2000, 6000);
  }

  const flow = (i) => function* () {
    const { app, agent, envoy, jvm } = procs[i];
    const node = NODES[app.node].ip;
    // Startup: JDBC pool to db-0, Kafka bootstrap + brokers.
    s.dns(jvm, [2000, 6000]); yield;
    s.connect(jvm, { ip: DB_PODS['db-0'], port: 5432, res: 'EINPROGRESS' }, [1, 20]); yield;
    s.connect(envoy, { ip: DB_PODS['db-0'], port: 5432, res: 'EINPROGRESS' }, [0, 3]); yield;
    s.dns(jvm, [50, 400]); yield;
    s.connect(jvm, { ip: KAFKA_SVC, port: 9092, res: 'EINPROGRESS' }, [1, 20]); yield;
    s.connect(envoy, { ip: brokers[0], port: 9092, res: 'EINPROGRESS' }, [0, 3]); yield;
    for (const b of brokers) {
      s.connect(jvm, { ip: b, port: 9092, res: 'EINPROGRESS' }, [5, 200]); yield;
      s.connect(envoy, { ip: b, port: 9092, res: 'EINPROGRESS' }, [0, 3]); yield;
    }
    for (let n = 0; n < 30; n++) {
      const r = s.rng();
      if (r < 0.35) {
        // Inbound via the sidecar: envoy accepts on 15006, then connects to
        // the app from 127.0.0.6, which the app (Tomcat NIO) accepts.
        s.accept(envoy, { ip: s.pick(['10.244.1.14', '10.244.2.31', API_POD_IP]), port: 15006 }, [100, 3000]);
        s.accept(jvm, { ip: '127.0.0.6', port: 8080, type: 'accept' }, [0, 2]);
      } else if (r < 0.5) {
        s.accept(agent, { ip: node, port: 15020 }, [100, 3000]); // kubelet probe, rewritten by istio
      } else if (r < 0.7) {
        s.dns(jvm, [100, 2000]);
        s.connect(jvm, { ip: STRIPE_IP, port: 443, res: 'EINPROGRESS', name: 'api.stripe.com' }, [1, 30]);
        s.connect(envoy, { ip: STRIPE_IP, port: 443, res: 'EINPROGRESS', name: 'api.stripe.com' }, [0, 3]);
      } else if (r < 0.85) {
        s.connect(jvm, { ip: DB_PODS['db-0'], port: 5432, res: s.chance(0.8) ? 'EINPROGRESS' : 'SUCCESS' }, [100, 3000]);
      } else {
        const b = s.pick(brokers);
        s.connect(jvm, { ip: b, port: 9092, res: 'EINPROGRESS' }, [100, 3000]);
        s.connect(envoy, { ip: b, port: 9092, res: 'EINPROGRESS' }, [0, 3]);
      }
      yield;
    }
  };
  s.interleave(flow(0), flow(1));
  return s;
}

function cronjob() {
  // Job report-nightly-29384760 was scheduled at minute 29384760 since the
  // epoch (2025-11-14T02:00:00Z); its pod starts a few seconds later.
  const s = new Scenario('cronjob.jsonl', '2025-11-14T02:00:03.551208114Z');
  const report = s.container({
    name: 'report', repo: `${ECR}/batch/report`, tag: '2025.11.1', ns: 'batch', pod: 'report-nightly-29384760-q7w2n',
    labels: { job: 'report-nightly-29384760' }, node: 'n2', ip: '10.244.2.77', workload: 'batch/CronJob/report-nightly/report',
  });
  const app = { user: 'app', uid: 1000 };
  const py = s.spawn(SHIM, report, { exe: '/usr/local/bin/python3.12', name: 'python', args: '/app/report.py --date yesterday --format csv', ...app }, [400, 1200]);
  s.dns(py, [800, 1500]);
  s.connect(py, { ip: WAREHOUSE_SVC, port: 5432, res: 'EINPROGRESS' }, [1, 10]);
  for (const table of ['orders', 'refunds', 'payouts', 'inventory_moves', 'customers', 'shipments']) {
    s.tick(2000, 20_000);
    s.connect(py, { ip: WAREHOUSE_SVC, port: 5432, res: 'EINPROGRESS' }, [1, 10]);
    s.spawn(py, report, { exe: '/usr/bin/gzip', name: 'gzip', args: `-9 /tmp/out/${table}-2025-11-13.csv` }, [500, 4000]);
  }
  const sh = s.spawn(py, report, { exe: '/usr/bin/dash', name: 'sh', args: '-c du -sh /tmp/out && sha256sum /tmp/out/*.csv.gz > /tmp/out/SHA256SUMS' });
  s.spawn(sh, report, { exe: '/usr/bin/du', name: 'du', args: '-sh /tmp/out' }, [0, 3]);
  s.spawn(sh, report, { exe: '/usr/bin/sha256sum', name: 'sha256sum', args: '/tmp/out/customers-2025-11-13.csv.gz /tmp/out/inventory_moves-2025-11-13.csv.gz /tmp/out/orders-2025-11-13.csv.gz /tmp/out/payouts-2025-11-13.csv.gz /tmp/out/refunds-2025-11-13.csv.gz /tmp/out/shipments-2025-11-13.csv.gz' }, [2, 20]);
  // boto3 uploads to S3 (several endpoints behind the regional name).
  for (let n = 0; n < 10; n++) {
    if (n % 3 === 0) s.dns(py, [100, 900]);
    s.connect(py, { ip: s.pick(['52.216.9.117', '52.217.140.40', '3.5.29.118', '52.216.212.66']), port: 443, res: 'EINPROGRESS' }, [50, 2500]);
  }

  s.tick(600_000, 900_000);
  const migrate = s.container({
    name: 'migrate', repo: 'docker.io/flyway/flyway', tag: '10.21.0', ns: 'shop', pod: 'migrate-schema-8xk2d',
    labels: { job: 'migrate-schema' }, node: 'n3', ip: '10.244.3.48', workload: 'shop/Job/migrate-schema/migrate',
  });
  // /flyway/flyway is `#!/usr/bin/env bash`.
  const env = s.spawn(SHIM, migrate, { exe: '/usr/bin/env', name: 'flyway', args: 'bash /flyway/flyway migrate' }, [300, 900]);
  const bash = s.reexec(env, { exe: '/usr/bin/bash', name: 'bash', args: '/flyway/flyway migrate' }, [0, 2]);
  s.spawn(bash, migrate, { exe: '/usr/bin/readlink', name: 'readlink', args: '-f /flyway/flyway' });
  s.spawn(bash, migrate, { exe: '/usr/bin/dirname', name: 'dirname', args: '/flyway/flyway' }, [0, 4]);
  s.spawn(bash, migrate, { exe: '/usr/bin/uname', name: 'uname' }, [0, 4]);
  const jvm = s.reexec(bash, { exe: '/opt/java/openjdk/bin/java', name: 'java', args: '-Djava.security.egd=file:/dev/../dev/urandom -classpath /flyway/lib/*:/flyway/drivers/* org.flywaydb.commandline.Main migrate' }, [5, 40]);
  s.dns(jvm, [900, 2500]);
  for (let n = 0; n < 6; n++) s.connect(jvm, { ip: DB_SVC, port: 5432, res: 'EINPROGRESS' }, [30, 1800]);
  s.connect(jvm, { ip: '104.18.25.176', port: 443, res: 'EINPROGRESS' }, [10, 200]); // flyway update check
  return s;
}

function statefulset() {
  const s = new Scenario('statefulset.jsonl', '2026-11-20T09:20:07.004512880Z');
  const digest = s.digest();
  const nodes = { 'kafka-0': 'n1', 'kafka-1': 'n2', 'kafka-2': 'n3' };
  const pods = Object.keys(KAFKA_PODS).map((pod) => s.container({
    name: 'kafka', repo: 'docker.io/apache/kafka', tag: '3.9.0', digest, ns: 'streaming', pod,
    labels: { sts: pod, crh: 'kafka-7c9d6b5f48' }, node: nodes[pod], ip: KAFKA_PODS[pod],
    workload: 'streaming/StatefulSet/kafka/kafka',
  }));
  const app = { user: 'appuser', uid: 1000 };
  const jvms = [];

  for (const c of pods) {
    // Alpine image: coreutils are busybox applets (canonical exepath
    // /bin/busybox), the Kafka scripts are bash.
    const env = s.spawn(SHIM, c, { exe: '/bin/busybox', name: 'run', args: 'bash /etc/kafka/docker/run', ...app }, [300, 1500]);
    const run = s.reexec(env, { exe: '/bin/bash', name: 'bash', args: '/etc/kafka/docker/run' }, [0, 2]);
    const conf = s.spawn(run, c, { exe: '/bin/bash', name: 'configure', args: '/etc/kafka/docker/configure' });
    s.spawn(conf, c, { exe: '/bin/busybox', name: 'env', args: '' });
    s.spawn(conf, c, { exe: '/bin/busybox', name: 'grep', args: '-E ^KAFKA_' }, [0, 2]);
    const launch = s.reexec(run, { exe: '/bin/bash', name: 'launch', args: '/etc/kafka/docker/launch' }, [20, 200]);
    const start = s.reexec(launch, { exe: '/bin/bash', name: 'kafka-server-st', args: '/opt/kafka/bin/kafka-server-start.sh /opt/kafka/config/server.properties' });
    s.spawn(start, c, { exe: '/bin/busybox', name: 'dirname', args: '/opt/kafka/bin/kafka-server-start.sh' }, [0, 3]);
    s.spawn(start, c, { exe: '/bin/busybox', name: 'uname', args: '-r' }, [0, 3]);
    const rc = s.reexec(start, { exe: '/bin/bash', name: 'kafka-run-class', args: '/opt/kafka/bin/kafka-run-class.sh -name kafkaServer -loggc kafka.Kafka /opt/kafka/config/server.properties' });
    s.spawn(rc, c, { exe: '/bin/busybox', name: 'dirname', args: '/opt/kafka/bin/kafka-run-class.sh' }, [0, 3]);
    s.spawn(rc, c, { exe: '/opt/java/openjdk/bin/java', name: 'java', args: '-version' }, [1, 10]);
    s.spawn(rc, c, { exe: '/bin/busybox', name: 'sed', args: '-E -n s/.* version "([0-9]*).*$/\\1/p' }, [0, 2]);
    const jvm = s.reexec(rc, { exe: '/opt/java/openjdk/bin/java', name: 'java', args: '-Xmx1G -Xms1G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true -Dkafka.logs.dir=/opt/kafka/bin/../logs -Dlog4j.configuration=file:/opt/kafka/bin/../config/log4j.properties -cp /opt/kafka/bin/../libs/* kafka.Kafka /opt/kafka/config/server.properties' }, [200, 700]);
    jvms.push(jvm);
    s.tick(4000, 15_000);
  }

  // KRaft quorum on 9093, replication and clients on 9092. Java NIO connects
  // are non-blocking (EINPROGRESS); Kafka's acceptor uses accept().
  const peerFlow = (i) => function* () {
    for (let n = 0; n < 22; n++) {
      const j = (i + 1 + s.int(0, 1)) % 3;
      const port = s.chance(0.45) ? 9093 : 9092;
      s.connect(jvms[i], { ip: pods[j].ip, port, res: 'EINPROGRESS' }, [200, 6000]);
      s.accept(jvms[j], { ip: pods[i].ip, port, type: 'accept' }, [0, 2]);
      yield;
    }
  };
  const clientFlow = function* () {
    for (let n = 0; n < 26; n++) {
      s.accept(s.pick(jvms), { ip: s.pick([...ORDERS_PODS, '10.244.2.77']), port: 9092, type: 'accept' }, [300, 8000]);
      yield;
    }
  };
  s.interleave(peerFlow(0), peerFlow(1), peerFlow(2), clientFlow);
  return s;
}

function daemonset() {
  const s = new Scenario('daemonset.jsonl', '2026-11-20T08:58:30.310987654Z');
  const digest = s.digest();
  const pods = [
    { pod: 'fluent-bit-7xk9q', node: 'n1', ip: '10.244.1.5' },
    { pod: 'fluent-bit-m4d2s', node: 'n2', ip: '10.244.2.6' },
  ].map((p) => s.container({
    name: 'fluent-bit', repo: 'cr.fluentbit.io/fluent/fluent-bit', tag: '3.2.2', digest, ns: 'logging', pod: p.pod,
    labels: { crh: '7b9c5d8f6d', ptg: '1' }, node: p.node, ip: p.ip, workload: 'logging/DaemonSet/fluent-bit/fluent-bit',
  }));
  // Distroless image: the only exec is fluent-bit itself.
  const start = (c, when) => s.spawn(SHIM, c, { exe: '/fluent-bit/bin/fluent-bit', name: 'fluent-bit', args: '-c /fluent-bit/etc/conf/fluent-bit.conf' }, when);
  const fb = pods.map((c) => start(c, [500, 3000]));
  const flow = (i) => function* () {
    let p = fb[i];
    s.dns(p, [300, 900]); yield;
    s.connect(p, { ip: KUBE_API_SVC, port: 443, res: 'EINPROGRESS' }, [1, 20]); yield;
    for (let n = 0; n < 34; n++) {
      if (i === 1 && n === 20) {
        // OOMKilled while Elasticsearch was slow: kubelet restarts the container in the same
        // pod after a back-off. New container id, new container.start_ts, fluent-bit starts again.
        p = start(s.restart(p.c), [10_000, 20_000]); yield;
        s.dns(p, [300, 900]); yield;
        s.connect(p, { ip: KUBE_API_SVC, port: 443, res: 'EINPROGRESS' }, [1, 20]); yield;
      }
      const r = s.rng();
      if (r < 0.6) s.connect(p, { ip: ES_SVC, port: 9200, res: 'EINPROGRESS' }, [500, 5000]);
      else if (r < 0.72) s.dns(p, [200, 5000]);
      else if (r < 0.82) s.connect(p, { ip: KUBE_API_SVC, port: 443, res: 'EINPROGRESS' }, [500, 5000]);
      else s.accept(p, { ip: PROMETHEUS_POD, port: 2020 }, [500, 15_000]);
      yield;
    }
  };
  s.interleave(flow(0), flow(1));
  return s;
}

function initContainers() {
  const s = new Scenario('init-containers.jsonl', '2026-11-20T09:31:55.700400123Z');
  const base = { ns: 'shop', pod: 'api-6f8d7c9b5d-7tq2m', uid: s.uuid(), labels: { pth: '6f8d7c9b5d' }, node: 'n3', ip: API_POD_IP };
  const init = s.container({ ...base, name: 'wait-for-db', repo: 'docker.io/library/busybox', tag: '1.36.1', workload: 'shop/Deployment/api/wait-for-db' });
  const sh = s.spawn(SHIM, init, { exe: '/bin/busybox', name: 'sh', args: '-c until nc -z db 5432; do sleep 1; done' }, [300, 900]);
  // busybox ash runs applets by re-executing /proc/self/exe: comm is "exe".
  const applet = (args) => s.spawn(sh, init, { exe: '/bin/busybox', name: 'exe', args }, [2, 30]);
  for (let n = 0; n < 6; n++) {
    applet('-z db 5432'); // connection refused: no Vigil connect event
    s.tick(5, 40);
    applet('1');
    s.tick(1000, 1010);
  }
  const nc = applet('-z db 5432');
  s.connect(nc, { ip: DB_SVC, port: 5432 }, [1, 5]);

  s.tick(800, 2500);
  const api = s.container({ ...base, name: 'api', repo: `${ECR}/shop/api`, tag: '2.14.0', workload: 'shop/Deployment/api/api' });
  const nodeUser = { user: 'node', uid: 1000 };
  const ep = s.spawn(SHIM, api, { exe: '/usr/bin/dash', name: 'docker-entrypoi', args: '/usr/local/bin/docker-entrypoint.sh node dist/server.js', ...nodeUser }, [100, 400]);
  const node = s.reexec(ep, { exe: '/usr/local/bin/node', name: 'node', args: 'dist/server.js' }, [1, 10]);
  s.dns(node, [300, 900]);
  s.connect(node, { ip: DB_SVC, port: 5432, res: 'EINPROGRESS' }, [1, 10]);
  s.connect(node, { ip: DB_SVC, port: 5432, res: 'EINPROGRESS' }, [1, 10]);
  s.connect(node, { ip: REDIS_SVC, port: 6379, res: 'EINPROGRESS' }, [1, 10]);
  for (let n = 0; n < 32; n++) {
    const r = s.rng();
    if (r < 0.5) s.accept(node, { ip: s.pick(INGRESS_PODS), port: 3000 }, [100, 3000]);
    else if (r < 0.62) s.accept(node, { ip: NODES.n3.ip, port: 3000 }, [1000, 5000]);
    else if (r < 0.82) s.connect(node, { ip: DB_SVC, port: 5432, res: 'EINPROGRESS' }, [100, 3000]);
    else if (r < 0.92) s.connect(node, { ip: REDIS_SVC, port: 6379, res: 'EINPROGRESS' }, [100, 3000]);
    else s.dns(node, [100, 3000]);
  }
  return s;
}

function barePod() {
  const s = new Scenario('bare-pod.jsonl', '2026-11-20T10:02:13.250000417Z');
  const dbg = s.container({
    id: '5c1e9d3a7f02', name: 'debug-shell', repo: 'docker.io/nicolaka/netshoot', tag: 'v0.13', ns: 'default', pod: 'debug-shell',
    labels: {}, node: 'n2', ip: '10.244.2.50', workload: 'default/Pod/debug-shell/debug-shell',
  });
  const bash = s.spawn(SHIM, dbg, { exe: '/bin/bash', name: 'bash' }, [200, 700]);
  const cmd = (o, when = [2000, 15_000]) => s.spawn(bash, dbg, o, when);
  cmd({ exe: '/bin/busybox', name: 'ps', args: 'aux' });
  cmd({ exe: '/sbin/ip', name: 'ip', args: 'addr' });
  const dig = cmd({ exe: '/usr/bin/dig', name: 'dig', args: 'catalog.shop.svc.cluster.local' });
  s.connect(dig, { proto: 'udp', ip: DNS_SVC, port: 53 }, [1, 5]);
  // musl resolves with unconnected UDP (sendto): no connect event for curl's
  // lookups, only for the TCP connection itself.
  const curl1 = cmd({ exe: '/usr/bin/curl', name: 'curl', args: '-s http://catalog.shop:8080/healthz' });
  s.connect(curl1, { ip: CATALOG_SVC, port: 8080, res: 'EINPROGRESS' }, [5, 40]);
  const nc = cmd({ exe: '/usr/bin/nc', name: 'nc', args: '-vz db.shop 5432' });
  s.connect(nc, { ip: DB_SVC, port: 5432 }, [5, 40]);
  cmd({ exe: '/bin/busybox', name: 'cat', args: '/var/run/secrets/kubernetes.io/serviceaccount/token' });
  const curl2 = cmd({ exe: '/usr/bin/curl', name: 'curl', args: '-sk https://kubernetes.default.svc/api/v1/namespaces/default/pods -H Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6...' });
  s.connect(curl2, { ip: KUBE_API_SVC, port: 443, res: 'EINPROGRESS' }, [5, 40]);
  const apk = cmd({ exe: '/sbin/apk', name: 'apk', args: 'add --no-cache socat' });
  s.connect(apk, { ip: '151.101.2.132', port: 443, res: 'EINPROGRESS' }, [10, 60]);
  s.connect(apk, { ip: '151.101.2.132', port: 443, res: 'EINPROGRESS' }, [100, 400]);
  const curl3 = cmd({ exe: '/usr/bin/curl', name: 'curl', args: '-sLo /tmp/kubectl https://dl.k8s.io/release/v1.31.2/bin/linux/amd64/kubectl' });
  s.connect(curl3, { ip: '34.107.204.206', port: 443, res: 'EINPROGRESS' }, [5, 40]);
  s.connect(curl3, { ip: '34.107.204.206', port: 443, res: 'EINPROGRESS' }, [50, 200]);
  cmd({ exe: '/bin/busybox', name: 'chmod', args: '+x /tmp/kubectl' });
  // A binary written into the container's upper layer.
  for (const args of ['get pods -A', 'auth can-i --list', 'get secrets -n shop']) {
    const k = cmd({ exe: '/tmp/kubectl', name: 'kubectl', args, upper: true });
    s.connect(k, { ip: KUBE_API_SVC, port: 443, res: 'EINPROGRESS' }, [5, 40]);
  }
  const socat = cmd({ exe: '/usr/bin/socat', name: 'socat', args: 'TCP-LISTEN:4444,fork EXEC:/bin/bash' });
  s.accept(socat, { ip: '10.244.1.66', port: 4444, type: 'accept' }, [3000, 9000]);
  s.spawn(socat, dbg, { exe: '/bin/bash', name: 'bash' }, [1, 5]);

  // A plain Docker container on a non-Kubernetes build host.
  s.tick(30_000, 60_000);
  const redis = s.container({
    name: 'local-redis', repo: 'docker.io/library/redis', tag: '7.4.1', node: 'build', ip: '172.17.0.2',
    workload: '/Container/local-redis/local-redis',
  });
  const ep = s.spawn(SHIM, redis, { exe: '/usr/bin/dash', name: 'docker-entrypoi', args: '/usr/local/bin/docker-entrypoint.sh redis-server --appendonly yes' }, [200, 600]);
  s.spawn(ep, redis, { exe: '/usr/bin/find', name: 'find', args: '. ! -user redis -exec chown redis {} +' });
  s.spawn(ep, redis, { exe: '/usr/bin/id', name: 'id', args: '-u' }, [0, 3]);
  const gosu = s.reexec(ep, { exe: '/usr/local/bin/gosu', name: 'gosu', args: 'redis /usr/local/bin/docker-entrypoint.sh redis-server --appendonly yes' });
  const ep2 = s.reexec(gosu, { exe: '/usr/bin/dash', name: 'docker-entrypoi', args: '/usr/local/bin/docker-entrypoint.sh redis-server --appendonly yes', user: 'redis', uid: 999 }, [0, 3]);
  s.spawn(ep2, redis, { exe: '/usr/bin/id', name: 'id', args: '-u' }, [0, 3]);
  const server = s.reexec(ep2, { exe: '/usr/local/bin/redis-server', name: 'redis-server', args: '--appendonly yes' }, [0, 5]);
  for (let n = 0; n < 14; n++) s.accept(server, { ip: s.pick(['172.17.0.1', '172.17.0.3']), port: 6379, type: 'accept' }, [200, 20_000]);
  return s;
}

function hostNoise() {
  const s = new Scenario('host-noise.jsonl', '2026-11-20T09:00:00.000418226Z');
  const h = s.host('n1');
  const systemd = s.proc(h, { pid: 1, exe: '/usr/lib/systemd/systemd', name: 'systemd', args: '--switched-root --system --deserialize=32', pexe: null, pname: null });
  const kubelet = s.proc(h, { exe: '/usr/bin/kubelet', name: 'kubelet', args: '--config /etc/kubernetes/kubelet/config.json --kubeconfig /var/lib/kubelet/kubeconfig --container-runtime-endpoint unix:///run/containerd/containerd.sock --node-ip=10.0.1.23', pexe: systemd.exe, pname: 'systemd' });
  const containerd = s.proc(h, { exe: '/usr/bin/containerd', name: 'containerd', pexe: systemd.exe, pname: 'systemd' });
  const sshd = s.proc(h, { exe: '/usr/sbin/sshd', name: 'sshd', args: '-D', pexe: systemd.exe, pname: 'systemd' });
  const node = NODES.n1.ip;

  const kubeletFlow = function* () {
    for (let n = 0; n < 20; n++) {
      const r = s.rng();
      if (r < 0.3) {
        for (const name of ['iptables', 'ip6tables']) {
          s.spawn(kubelet, h, { exe: '/usr/sbin/xtables-nft-multi', name, args: '-w 5 -W 100000 -N KUBE-KUBELET-CANARY -t mangle' }, [1000, 8000]);
        }
      } else if (r < 0.55) {
        s.connect(kubelet, { ip: '10.0.12.200', port: 443, res: 'EINPROGRESS' }, [1000, 8000]);
      } else if (r < 0.8) {
        s.connect(kubelet, { ip: s.pick(['10.244.1.14', '10.244.1.21', '10.244.1.5']), port: s.pick([80, 15021, 2020]), res: 'EINPROGRESS', lip: node }, [1000, 8000]);
      } else {
        s.accept(kubelet, { ip: s.pick([PROMETHEUS_POD, '10.0.12.200']), port: 10250, lip: node }, [1000, 8000]);
      }
      yield;
    }
  };
  const runtimeFlow = function* () {
    for (let n = 0; n < 5; n++) {
      s.tick(5000, 20_000);
      const id = s.hex(64);
      const shim = s.spawn(containerd, h, { exe: '/usr/bin/containerd-shim-runc-v2', name: 'containerd-shim', args: `-namespace k8s.io -id ${id} -address /run/containerd/containerd.sock` });
      s.spawn(shim, h, { exe: '/usr/bin/runc', name: 'runc', args: `--root /run/containerd/runc/k8s.io --log /run/containerd/io.containerd.runtime.v2.task/k8s.io/${id}/log.json --log-format json --systemd-cgroup create --bundle /run/containerd/io.containerd.runtime.v2.task/k8s.io/${id} ${id}` }, [5, 40]);
      s.spawn(shim, h, { exe: '/usr/bin/runc', name: 'runc', args: `--root /run/containerd/runc/k8s.io --log /run/containerd/io.containerd.runtime.v2.task/k8s.io/${id}/log.json --log-format json --systemd-cgroup start ${id}` }, [20, 200]);
      if (n % 2 === 1) {
        s.spawn(kubelet, h, { exe: '/usr/bin/mount', name: 'mount', args: `-t tmpfs -o size=1073741824 tmpfs /var/lib/kubelet/pods/${s.uuid()}/volumes/kubernetes.io~projected/kube-api-access-${s.hex(5)}` }, [1, 30]);
      }
      yield;
    }
  };
  const systemdFlow = function* () {
    s.spawn(systemd, h, { exe: '/usr/bin/systemd-tmpfiles', name: 'systemd-tmpfile', args: '--clean' }, [20_000, 40_000]); yield;
    s.spawn(systemd, h, { exe: '/usr/sbin/logrotate', name: 'logrotate', args: '/etc/logrotate.conf' }, [20_000, 40_000]); yield;
    // kubelet's image credential provider plugin, run before an ECR pull.
    s.spawn(kubelet, h, { exe: '/etc/eks/image-credential-provider/ecr-credential-provider', name: 'ecr-credential-' }, [20_000, 40_000]); yield;
    // An operator logs in through the bastion.
    s.accept(sshd, { ip: '10.0.0.5', port: 22, lip: node, type: 'accept' }, [20_000, 40_000]); yield;
    const priv = s.spawn(sshd, h, { exe: '/usr/sbin/sshd', name: 'sshd', args: '-D -R' }, [1, 5]); yield;
    const userBash = s.spawn(priv, h, { exe: '/usr/bin/bash', name: 'bash', user: 'ec2-user', uid: 1000 }, [800, 3000]); yield;
    s.spawn(userBash, h, { exe: '/usr/bin/id', name: 'id' }, [2000, 9000]); yield;
    // sudo is setuid root: after the exec the process runs as root.
    const root = { user: 'root', uid: 0 };
    let sudo = s.spawn(userBash, h, { exe: '/usr/bin/sudo', name: 'sudo', args: 'crictl ps', ...root }, [2000, 9000]); yield;
    s.spawn(sudo, h, { exe: '/usr/local/bin/crictl', name: 'crictl', args: 'ps' }, [5, 30]); yield;
    sudo = s.spawn(userBash, h, { exe: '/usr/bin/sudo', name: 'sudo', args: 'journalctl -u kubelet --since -10m', ...root }, [4000, 9000]); yield;
    s.spawn(sudo, h, { exe: '/usr/bin/journalctl', name: 'journalctl', args: '-u kubelet --since -10m' }, [5, 30]); yield;
  };
  s.interleave(kubeletFlow, runtimeFlow, systemdFlow);
  return s;
}

function metadataLag() {
  const s = new Scenario('metadata-lag.jsonl', '2026-11-20T09:45:30.120000981Z');
  const co = s.container({
    id: '9f3e2a1b7c4d', name: 'checkout', repo: `${ECR}/shop/checkout`, tag: '3.2.1', ns: 'shop',
    pod: 'checkout-5b7f9c6d48-kx8vz', labels: { pth: '5b7f9c6d48' }, node: 'n2', ip: '10.244.2.61',
    workload: 'shop/Deployment/checkout/checkout',
  });
  const early = s.lagging(co);
  const nonroot = { user: 'nonroot', uid: 65532 };
  // First events: container.id known, everything else still null.
  const appEarly = s.spawn(SHIM, early, { exe: '/app/checkout', name: 'checkout', args: '--config /etc/checkout/config.yaml', ...nonroot }, [100, 300]);
  s.dns(appEarly, [3, 15]);
  s.connect(appEarly, { ip: CATALOG_SVC, port: 8080, res: 'EINPROGRESS' }, [1, 10]);
  s.connect(appEarly, { ip: REDIS_SVC, port: 6379, res: 'EINPROGRESS' }, [1, 10]);
  // Metadata arrives; the same process now carries the full identity.
  const app = { ...appEarly, c: co };

  // A container whose metadata never arrives (it exits within milliseconds).
  const ghost = s.container({ id: 'e1d4c7a2b9f0', name: null, repo: null, tag: null, digest: null, node: 'n2', ip: '10.244.2.88', never: true });
  const ghostLag = s.lagging(ghost);

  s.dns(app, [40, 200]);
  s.connect(app, { ip: STRIPE_IP, port: 443, res: 'EINPROGRESS', name: 'api.stripe.com' }, [1, 30]);
  for (let n = 0; n < 40; n++) {
    if (n === 12) {
      const sh = s.spawn(SHIM, ghostLag, { exe: '/usr/bin/dash', name: 'sh', args: '-c /opt/backup/run.sh' }, [100, 500]);
      s.spawn(sh, ghostLag, { exe: '/usr/bin/dash', name: 'run.sh', args: '/opt/backup/run.sh' }, [1, 4]);
    }
    const r = s.rng();
    if (r < 0.35) s.accept(app, { ip: s.pick(INGRESS_PODS), port: 8443 }, [100, 2500]);
    else if (r < 0.45) s.accept(app, { ip: NODES.n2.ip, port: 8443 }, [500, 4000]);
    else if (r < 0.6) s.connect(app, { ip: CATALOG_SVC, port: 8080, res: 'EINPROGRESS' }, [50, 2000]);
    else if (r < 0.72) s.connect(app, { ip: REDIS_SVC, port: 6379, res: 'EINPROGRESS' }, [50, 2000]);
    else if (r < 0.82) s.connect(app, { ip: s.pick([STRIPE_IP, '3.33.152.147']), port: 443, res: 'EINPROGRESS', name: null }, [50, 2000]);
    else if (r < 0.9) s.dns(app, [50, 2000]);
    else s.spawn(RUNC, co, { exe: '/app/checkout', name: 'checkout', args: 'healthcheck --addr :8443', ...nonroot }, [500, 4000]);
  }
  return s;
}

function falcoInternal() {
  const s = new Scenario('falco-internal.jsonl', '2026-11-20T09:00:00.500000000Z');
  const n = ['n1', 'n2', 'n3'];
  let evts = 48_219_337;
  const FALCO_START = nsFromIso('2026-11-19T23:55:00.401326952Z');
  const flows = [];

  flows.push(function* () {
    for (let k = 0; k < 8; k++) {
      const node = n[k % 3];
      evts += s.int(400_000, 900_000);
      const drops = k === 5 ? 1842 : 0;
      const fields = (now) => ({
        'evt.hostname': NODES[node].name, 'evt.source': 'syscall', 'evt.time': raw(now.toString()),
        'falco.duration_sec': Number((now - FALCO_START) / NS), 'falco.host_boot_ts': raw('1795050000000000000'),
        'falco.host_num_cpus': 8, 'falco.kernel_release': '6.1.115-126.197.amzn2023.x86_64',
        'falco.num_evts': evts, 'falco.num_evts_prev': evts - 512_304, 'falco.outputs_queue_num_drops': 0,
        'falco.reload_ts': raw((FALCO_START + 892_111n).toString()), 'falco.start_ts': raw(FALCO_START.toString()),
        'falco.version': '0.44.1', 'falco.cpu_usage_perc': raw('3.1'), 'falco.memory_rss': raw('212.37'),
        'scap.engine_name': 'modern_bpf', 'scap.evts_drop_rate_sec': raw(drops ? '0.5' : '0.0'),
        'scap.evts_rate_sec': raw('1423.7'), 'scap.n_drops': drops, 'scap.n_drops_buffer_total': drops,
        'scap.n_drops_perc': raw(drops ? '0.04' : '0.0'), 'scap.n_drops_scratch_map': 0, 'scap.n_evts': evts + drops,
      });
      s.internal(node, 'Falco internal: metrics snapshot', 'Informational', 'Falco metrics snapshot', fields, [200_000, 400_000]);
      if (drops) {
        // The syscall event drop alert: output_fields are strings here.
        s.internal(node, 'Falco internal: syscall event drop', 'Debug', `Falco internal: syscall event drop. ${drops} system calls dropped in last second.`, {
          ebpf_enabled: '1', n_drops: String(drops), n_drops_buffer_clone_fork_enter: '0', n_drops_buffer_clone_fork_exit: '0',
          n_drops_buffer_connect_enter: '0', n_drops_buffer_connect_exit: '311', n_drops_buffer_dir_file_enter: '0',
          n_drops_buffer_dir_file_exit: '0', n_drops_buffer_execve_enter: '0', n_drops_buffer_execve_exit: '12',
          n_drops_buffer_open_enter: '0', n_drops_buffer_open_exit: '1519', n_drops_buffer_other_interest_enter: '0',
          n_drops_buffer_other_interest_exit: '0', n_drops_buffer_total: String(drops), n_drops_bug: '0',
          n_drops_page_faults: '0', n_drops_scratch_map: '0', n_evts: '2270350',
        }, [1, 1000]);
        s.internal(node, 'Falco internal: syscall event drop', 'Debug', 'Falco internal: syscall event drop. 96 system calls dropped in last second.', {
          ebpf_enabled: '1', n_drops: '96', n_drops_buffer_clone_fork_enter: '0', n_drops_buffer_clone_fork_exit: '0',
          n_drops_buffer_connect_enter: '0', n_drops_buffer_connect_exit: '0', n_drops_buffer_dir_file_enter: '0',
          n_drops_buffer_dir_file_exit: '0', n_drops_buffer_execve_enter: '0', n_drops_buffer_execve_exit: '0',
          n_drops_buffer_open_enter: '0', n_drops_buffer_open_exit: '96', n_drops_buffer_other_interest_enter: '0',
          n_drops_buffer_other_interest_exit: '0', n_drops_buffer_total: '96', n_drops_bug: '0',
          n_drops_page_faults: '0', n_drops_scratch_map: '0', n_evts: '2118762',
        }, [30_000, 31_000]);
      }
      yield;
    }
  });

  const audit = (o) => `Attach/Exec to pod (user=${o['ka.user.name']} pod=${o['ka.target.name']} resource=${o['ka.target.resource']} ns=${o['ka.target.namespace']} action=${o['ka.target.subresource']} command=${o['ka.uri.param[command]']})`;
  flows.push(function* () {
    const targets = [['web-7d9c8b6f5-x2k4p', 'shop', 'sh'], ['db-0', 'shop', 'psql'], ['debug-shell', 'default', 'bash']];
    for (let k = 0; k < 18; k++) {
      const r = s.rng();
      if (r < 0.5) {
        const [pod, ns, command] = s.pick(targets);
        s.plugin('n3', 'k8s_audit', 'Attach/Exec Pod', 'Notice', ['k8s'], audit, {
          'ka.user.name': s.pick(['alice@example.com', 'bob@example.com', 'system:serviceaccount:ci:deployer']),
          'ka.target.name': pod, 'ka.target.resource': 'pods', 'ka.target.namespace': ns,
          'ka.target.subresource': 'exec', 'ka.uri.param[command]': command,
        }, [20_000, 200_000]);
      } else if (r < 0.8) {
        s.plugin('n3', 'k8s_audit', 'K8s Secret Get Successfully', 'Error', ['k8s'],
          (o) => `K8s Secret Get Successfully (user=${o['ka.user.name']} secret=${o['ka.target.name']} ns=${o['ka.target.namespace']} resource=${o['ka.target.resource']} resp=${o['ka.response.code']} decision=${o['ka.auth.decision']} reason=${o['ka.auth.reason']})`, {
            'ka.user.name': 'system:serviceaccount:default:default', 'ka.target.name': s.pick(['db-credentials', 'stripe-api-key']),
            'ka.target.namespace': 'shop', 'ka.target.resource': 'secrets', 'ka.response.code': '200',
            'ka.auth.decision': 'allow', 'ka.auth.reason': 'RBAC: allowed by ClusterRoleBinding "debug-admin" of ClusterRole "cluster-admin" to ServiceAccount "default/default"',
          }, [20_000, 200_000]);
      } else {
        s.plugin('n3', 'k8s_audit', 'K8s Serviceaccount Created', 'Informational', ['k8s'],
          (o) => `K8s Serviceaccount Created (user=${o['ka.user.name']} serviceaccount=${o['ka.target.name']} ns=${o['ka.target.namespace']} resource=${o['ka.target.resource']} resp=${o['ka.response.code']} decision=${o['ka.auth.decision']} reason=${o['ka.auth.reason']})`, {
            'ka.user.name': 'alice@example.com',
            'ka.target.name': 'report-writer', 'ka.target.namespace': 'batch', 'ka.target.resource': 'serviceaccounts',
            'ka.response.code': '201', 'ka.auth.decision': 'allow', 'ka.auth.reason': '',
          }, [20_000, 200_000]);
      }
      yield;
    }
  });

  flows.push(function* () {
    const regions = ['us-east-1', 'eu-west-1'];
    for (let k = 0; k < 13; k++) {
      if (k % 3 === 0) {
        s.plugin('n1', 'aws_cloudtrail', 'Console Login Without MFA', 'Critical', ['aws', 'aws_console', 'aws_iam', 'cloud'],
          (o) => `Detected a console login without MFA (requesting user=${o['ct.user']}, requesting IP=${o['ct.srcip']}, AWS region=${o['ct.region']})`, {
            'ct.user': s.pick(['ops-breakglass', 'carol']), 'ct.srcip': s.pick(['203.0.113.45', '198.51.100.23']), 'ct.region': 'us-east-1',
          }, [30_000, 300_000]);
      } else if (k % 3 === 1) {
        s.plugin('n1', 'aws_cloudtrail', 'Create AWS user', 'Informational', ['aws', 'aws_iam', 'cloud'],
          (o) => `A new AWS user has been created (requesting user=${o['ct.user']}, requesting IP=${o['ct.srcip']}, AWS region=${o['ct.region']}, new user created=${o['ct.request.username']})`, {
            'ct.user': 'terraform-ci', 'ct.srcip': '3.91.12.200', 'ct.region': s.pick(regions), 'ct.request.username': `svc-report-${s.hex(4)}`,
          }, [30_000, 300_000]);
      } else {
        s.plugin('n1', 'aws_cloudtrail', 'Delete Bucket Encryption', 'Critical', ['aws', 'aws_s3', 'cloud'],
          (o) => `A encryption configuration for a bucket has been deleted (requesting user=${o['ct.user']}, requesting IP=${o['ct.srcip']}, AWS region=${o['ct.region']}, bucket=${o['s3.bucket']})`, {
            'ct.user': 'carol', 'ct.srcip': '198.51.100.23', 'ct.region': 'us-east-1', 's3.bucket': 'shop-reports-prod',
          }, [30_000, 300_000]);
      }
      yield;
    }
  });

  // Stock syscall rules firing alongside the Vigil rules (rule_matching: all).
  flows.push(function* () {
    for (let k = 0; k < 8; k++) {
      const pod = s.pick(['debug-shell', 'web-7d9c8b6f5-x2k4p']);
      const shell = {
        'evt.type': 'execve', 'user.name': 'root', 'user.uid': 0, 'user.loginuid': -1, 'proc.name': 'bash',
        'proc.exepath': '/bin/bash', 'proc.pname': 'runc', 'proc.cmdline': 'bash', 'proc.tty': 34816,
        'evt.arg.flags': 'EXE_WRITABLE|EXE_LOWER_LAYER', 'container.id': pod === 'debug-shell' ? '5c1e9d3a7f02' : '3f9a1c7e5b20',
        'container.name': pod === 'debug-shell' ? 'debug-shell' : 'nginx', 'k8s.ns.name': pod === 'debug-shell' ? 'default' : 'shop', 'k8s.pod.name': pod,
      };
      s.stockRule('n2', 'Terminal shell in container', 'Notice', ['T1059', 'container', 'maturity_stable', 'mitre_execution', 'shell'],
        (o) => `A shell was spawned in a container with an attached terminal | evt_type=${o['evt.type']} user=${o['user.name']} user_uid=${o['user.uid']} user_loginuid=${o['user.loginuid']} process=${o['proc.name']} proc_exepath=${o['proc.exepath']} parent=${o['proc.pname']} command=${o['proc.cmdline']} terminal=${o['proc.tty']} exe_flags=${o['evt.arg.flags']} container_id=${o['container.id']} container_name=${o['container.name']} k8s_ns=${o['k8s.ns.name']} k8s_pod=${o['k8s.pod.name']}`,
        shell, [60_000, 400_000]);
      if (k === 2) {
        s.stockRule('n2', 'Drop and execute new binary in container', 'Critical', ['PCI_DSS_11.5.1', 'TA0003', 'container', 'maturity_stable', 'mitre_persistence', 'process'],
          (o) => `Executing binary not part of base image | proc_exe=${o['proc.exe']} proc_sname=${o['proc.sname']} gparent=${o['proc.aname[2]']} evt_type=${o['evt.type']} user=${o['user.name']} process=${o['proc.name']} proc_exepath=${o['proc.exepath']} parent=${o['proc.pname']} command=${o['proc.cmdline']} exe_flags=${o['evt.arg.flags']} container_id=${o['container.id']} container_name=${o['container.name']}`, {
            'proc.exe': '/tmp/kubectl', 'proc.sname': 'bash', 'proc.aname[2]': 'containerd-shim', 'evt.type': 'execve', 'user.name': 'root',
            'proc.name': 'kubectl', 'proc.exepath': '/tmp/kubectl', 'proc.pname': 'bash', 'proc.cmdline': 'kubectl get pods -A',
            'evt.arg.flags': 'EXE_WRITABLE|EXE_UPPER_LAYER', 'container.id': '5c1e9d3a7f02', 'container.name': 'debug-shell',
          }, [1, 100]);
        s.stockRule('n2', 'Contact K8S API Server From Container', 'Notice', ['T1565', 'container', 'k8s', 'maturity_stable', 'mitre_discovery', 'network'],
          (o) => `Unexpected connection to K8s API Server from container | connection=${o['fd.name']} lport=${o['fd.lport']} rport=${o['fd.rport']} fd_type=${o['fd.type']} fd_proto=${o['fd.l4proto']} evt_type=${o['evt.type']} user=${o['user.name']} process=${o['proc.name']} command=${o['proc.cmdline']} container_id=${o['container.id']} container_name=${o['container.name']}`, {
            'fd.name': '10.244.2.50:41876->10.96.0.1:443', 'fd.lport': 41876, 'fd.rport': 443, 'fd.type': 'ipv4', 'fd.l4proto': 'tcp',
            'evt.type': 'connect', 'user.name': 'root', 'proc.name': 'kubectl', 'proc.cmdline': 'kubectl get pods -A',
            'container.id': '5c1e9d3a7f02', 'container.name': 'debug-shell',
          }, [1, 50]);
      }
      yield;
    }
  });

  s.interleave(...flows);
  return s;
}

function failedExec() {
  const s = new Scenario('failed-exec.jsonl', '2026-11-20T11:15:00.000713002Z');
  const c = s.container({
    name: 'billing', repo: `${ECR}/shop/billing`, tag: '1.9.4', ns: 'shop', pod: 'billing-84c6d9f7b5-w6j2p',
    labels: { pth: '84c6d9f7b5' }, node: 'n1', ip: '10.244.1.40', workload: 'shop/Deployment/billing/billing',
  });
  const app = { user: 'app', uid: 1000 };
  const PY = '/usr/local/bin/python3.12';
  const master = s.spawn(SHIM, c, { exe: PY, name: 'gunicorn', args: 'billing.wsgi:application --bind 0.0.0.0:8000 --workers 2', ...app }, [200, 800]);
  const workers = [s.fork(master), s.fork(master)];
  s.dns(workers[0], [1000, 2000]);
  s.connect(workers[0], { ip: DB_SVC, port: 5432, res: 'EINPROGRESS' }, [1, 10]);
  s.dns(workers[1], [10, 200]);
  s.connect(workers[1], { ip: DB_SVC, port: 5432, res: 'EINPROGRESS' }, [1, 10]);

  const PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  // execvp-style PATH walk from `caller`: ENOENT for each directory before
  // `found` (the caller's proc.* fields), then the successful exec.
  const walk = (caller, prog, foundDir, spawnArgs) => {
    for (const dir of PATH) {
      if (dir === foundDir) return s.reexec(caller, { exe: `${dir}/${prog}`, name: prog, args: spawnArgs }, [0, 1]);
      s.failedExec(caller);
    }
    return null;
  };

  for (let n = 0; n < 9; n++) {
    const w = s.pick(workers);
    s.accept(w, { ip: s.pick(INGRESS_PODS), port: 8000 }, [2000, 15_000]);
    const invoice = 8800 + n * 7;
    // subprocess.run(["wkhtmltopdf", ...]): the forked child walks $PATH.
    const child = s.fork(w);
    s.tick(5, 40);
    walk(child, 'wkhtmltopdf', '/usr/bin', `--quiet /tmp/invoice-${invoice}.html /tmp/invoice-${invoice}.pdf`);
    if (n % 3 === 0) {
      // subprocess.run("gs ...", shell=True): /bin/sh is exec'd by absolute
      // path, then dash walks $PATH for gs.
      const sh = s.spawn(w, c, { exe: '/usr/bin/dash', name: 'sh', args: `-c gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sOutputFile=/tmp/invoice-${invoice}-a.pdf /tmp/invoice-${invoice}.pdf` }, [100, 600]);
      walk(sh, 'gs', '/usr/bin', `-q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -sOutputFile=/tmp/invoice-${invoice}-a.pdf /tmp/invoice-${invoice}.pdf`);
    }
    if (n % 4 === 1) {
      // `convert` is not installed: every PATH entry fails, nothing runs.
      const child2 = s.fork(w);
      s.tick(100, 600);
      walk(child2, 'convert', null, '');
    }
    s.connect(w, { ip: DB_SVC, port: 5432, res: 'EINPROGRESS' }, [20, 400]);
  }
  return s;
}

// ---------------------------------------------------------------------------

const SCENARIOS = [nginx, postgres, java, cronjob, statefulset, daemonset, initContainers, barePod, hostNoise, metadataLag, falcoInternal, failedExec];

function build() {
  const files = {};
  const expected = {};
  for (const make of SCENARIOS) {
    const s = make();
    const { text, expected: e } = s.result();
    files[s.file] = text;
    expected[s.file] = e;
  }
  files['expected.json'] = `${JSON.stringify(Object.fromEntries(Object.entries(expected).sort(([a], [b]) => byteOrder(a, b))), null, 2)}\n`;
  return files;
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
      if (current !== text) { stale++; console.error(`stale: test/corpus/${name}`); }
    } else {
      writeFileSync(path, text);
    }
  }
  if (check) {
    if (stale) { console.error('run: node test/corpus/generate.mjs'); process.exit(1); }
    console.log(`test/corpus: ${Object.keys(files).length} files up to date`);
  } else {
    console.log(`test/corpus: wrote ${Object.keys(files).length} files`);
  }
}

// Importing this module (for its exported constants) does not write anything.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
