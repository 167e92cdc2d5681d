// Builds Falco events in the JSON form of Falco's json_output, matching the output fields of
// rules/falco/vigil_rules.yaml. toGrpcResponse (corpus.ts) renders the same event for gRPC.
import { formatRfc3339Ns } from '../../agent/falco/event.js';

export type FalcoJson = Record<string, unknown> & { output_fields: Record<string, unknown> };

let clock = 1795165200000000000n;

export interface EventOptions {
  readonly exe?: string;
  readonly cmdline?: string;
  readonly pod?: string;
  readonly container?: string;
  readonly containerId?: string;
  /**
   * container.start_ts in ns; null (the default) is what Falco sends when it does not know.
   * Serialized by toJsonLine as a bare integer, like evt.time.
   */
  readonly containerStartNs?: bigint | null;
  readonly namespace?: string;
  readonly podTemplateHash?: string;
  readonly peer?: string;
  readonly port?: number;
  readonly fields?: Record<string, unknown>;
  readonly top?: Record<string, unknown>;
  /** Event time in ns; by default a fixed clock that advances about 1 ms per event. */
  readonly at?: bigint;
  readonly hostname?: string;
}

function common(o: EventOptions, evtType: string, timeNs: bigint): Record<string, unknown> {
  const hash = o.podTemplateHash ?? '7d9c8b6f5';
  return {
    'evt.type': evtType,
    'evt.time': timeNs,
    'evt.res': 'SUCCESS',
    'container.id': o.containerId ?? '3f2a9c1b7e4d',
    'container.start_ts': o.containerStartNs ?? null,
    'container.name': o.container ?? 'nginx',
    'container.image.repository': 'docker.io/library/nginx',
    'container.image.tag': '1.27.3',
    'container.image.digest': 'sha256:6af79ae5de407283dcea8b00d5c37ace95441fd58a8b1d2aa1ed93f5511bb18c',
    'k8s.ns.name': o.namespace ?? 'shop',
    'k8s.pod.name': o.pod ?? `web-${hash}-x2k4p`,
    'k8s.pod.uid': 'a4c1e2f0-1b2c-4d5e-8f90-123456789abc',
    'k8s.pod.label[pod-template-hash]': hash,
    'k8s.pod.label[statefulset.kubernetes.io/pod-name]': null,
    'k8s.pod.label[controller-revision-hash]': null,
    'k8s.pod.label[pod-template-generation]': null,
    'k8s.pod.label[job-name]': null,
    'proc.exepath': o.exe ?? '/usr/sbin/nginx',
    'proc.name': (o.exe ?? '/usr/sbin/nginx').split('/').pop(),
    'proc.cmdline': o.cmdline ?? 'nginx -g daemon off;',
    'proc.pexepath': '/docker-entrypoint.sh',
    'proc.pname': 'docker-entrypoi',
    'proc.pid': 4242,
    'user.name': 'root',
    'user.uid': 0,
    'proc.is_exe_upper_layer': false,
  };
}

function wrap(rule: string, fields: Record<string, unknown>, timeNs: bigint, o: EventOptions): FalcoJson {
  return {
    hostname: o.hostname ?? 'ip-10-0-1-23.ec2.internal',
    output: `${rule}: ${String(fields['proc.exepath'])}`,
    output_fields: { ...fields, ...o.fields },
    priority: 'Informational',
    rule,
    source: 'syscall',
    tags: ['vigil'],
    time: formatRfc3339Ns(timeNs),
    ...o.top,
  };
}

function tick(): bigint {
  clock += 1_000_123n;
  return clock;
}

export function execEvent(o: EventOptions = {}): FalcoJson {
  const t = o.at ?? tick();
  return wrap('Vigil process exec', common(o, 'execve', t), t, o);
}

export function connectEvent(o: EventOptions = {}): FalcoJson {
  const t = o.at ?? tick();
  return wrap(
    'Vigil outbound connect',
    { ...common(o, 'connect', t), 'fd.l4proto': 'tcp', 'fd.rip': o.peer ?? '10.96.12.40', 'fd.rport': o.port ?? 8080, 'fd.lip': '10.244.1.17', 'fd.lport': 41822, 'fd.sip.name': null },
    t,
    o,
  );
}

export function acceptEvent(o: EventOptions = {}): FalcoJson {
  const t = o.at ?? tick();
  return wrap(
    'Vigil inbound accept',
    { ...common(o, 'accept4', t), 'fd.l4proto': 'tcp', 'fd.rip': o.peer ?? '10.244.3.8', 'fd.rport': 53112, 'fd.lip': '10.244.1.17', 'fd.lport': o.port ?? 80, 'fd.sip.name': null },
    t,
    o,
  );
}

/** Serializes like Falco: bigint values (evt.time, container.start_ts) as bare integer digits. */
export function toJsonLine(event: Record<string, unknown>): string {
  const marker = '__bigint__';
  const text = JSON.stringify(event, (_k, v: unknown) => (typeof v === 'bigint' ? `${marker}${v.toString()}` : v));
  return text.replace(new RegExp(`"${marker}(-?\\d+)"`, 'g'), '$1');
}

/** Now, in ns, for events that must fall inside the collector's wall-clock windows. */
export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}
