// Pure formatting for the UI (no DOM), unit-tested in Node: times, durations, window progress,
// workload keys and their URL paths.
import type { WorkloadRef } from './api-types.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-20 09:01:02 UTC` from an RFC 3339 time (nanosecond or millisecond fractions). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** `45 s`, `12 min 5 s`, `3 h 20 min`, `2 d 4 h`: the two largest units, for people. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** `just now`, `40 s ago`, `3 min ago`… */
export function formatAge(ms: number): string {
  return ms < 1500 ? 'just now' : `${formatDuration(ms)} ago`;
}

export interface WindowProgress {
  /** 0..1 of the window elapsed. */
  readonly fraction: number;
  readonly leftMs: number;
}

/** Progress of a learning window at `nowMs` (the collector's clock); null without a window. */
export function windowProgress(start: string | null, end: string | null, nowMs: number): WindowProgress | null {
  if (!start || !end) return null;
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (Number.isNaN(s) || Number.isNaN(e) || e <= s) return null;
  const fraction = Math.min(1, Math.max(0, (nowMs - s) / (e - s)));
  return { fraction, leftMs: Math.max(0, e - nowMs) };
}

/** `cluster/namespace/kind/name` → its parts (namespace may be empty: a plain container). */
export function parseWorkloadKey(key: string): WorkloadRef {
  const parts = key.split('/');
  if (parts.length !== 4) return { key, cluster: '', namespace: '', kind: '', name: key };
  const [cluster = '', namespace = '', kind = '', name = ''] = parts;
  return { key, cluster, namespace, kind, name };
}

/** `namespace/kind/name` for people; `_` stands for the empty namespace, as in the API. */
export function workloadLabel(w: Pick<WorkloadRef, 'namespace' | 'kind' | 'name'>): string {
  return `${w.namespace || '_'}/${w.kind}/${w.name}`;
}

/** The API path of a workload, `?cluster=` included so that one name in two clusters is not ambiguous. */
export function workloadApiPath(w: Pick<WorkloadRef, 'cluster' | 'namespace' | 'kind' | 'name'>, suffix = ''): string {
  const seg = (s: string): string => encodeURIComponent(s);
  return `/api/v1/workloads/${seg(w.namespace || '_')}/${seg(w.kind)}/${seg(w.name)}${suffix}?cluster=${seg(w.cluster)}`;
}

/** The UI route (location hash) of a workload's page (see routes.ts). */
export function workloadRoute(w: Pick<WorkloadRef, 'key'>): string {
  return `#/workloads/${encodeURIComponent(w.key)}`;
}

/** `12 items · last new 3 min ago · 2 nodes, 3 pods`: how complete a baseline looks. */
export function formatCompleteness(c: { items: number; last_new_item: string | null; nodes: number; pods: number }, nowMs: number): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const last = c.last_new_item === null ? 'nothing learned' : `last new ${formatAge(Math.max(0, nowMs - Date.parse(c.last_new_item)))}`;
  return `${plural(c.items, 'item')} · ${last} · ${plural(c.nodes, 'node')}, ${plural(c.pods, 'pod')}`;
}

/**
 * A connection's evidence as people read it: `outbound tcp 10.0.0.5:48122 → 93.184.216.34:443
 * (example.com)`, `inbound tcp 10.0.0.9 → 10.0.0.5:8080`. For inbound, `port` is the local
 * listening port and the client's own port is not kept.
 */
export function formatConnection(net: unknown): string {
  if (typeof net !== 'object' || net === null) return String(net);
  const n = net as Record<string, unknown>;
  const str = (v: unknown): string => (v === null || v === undefined || v === '' ? '?' : String(v));
  const proto = str(n.protocol);
  const peerName = n.peerName ? ` (${String(n.peerName)})` : '';
  if (n.direction === 'inbound') return `inbound ${proto} ${str(n.peer)}${peerName} → ${str(n.localIp)}:${str(n.port)}`;
  return `${str(n.direction)} ${proto} ${str(n.localIp)}:${str(n.localPort)} → ${str(n.peer)}:${str(n.port)}${peerName}`;
}
